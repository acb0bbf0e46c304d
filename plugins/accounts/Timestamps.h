#pragma once
// The accounts plugin's names for the plugin API's UTC-time helpers.

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::accounts {

using plugin::iso_timestamp;
using plugin::kMillisecondsPerDay;
using plugin::parse_iso_timestamp;
using plugin::utc_day;

}  // namespace killrvideo::accounts

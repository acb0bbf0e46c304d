#pragma once
#include <string_view>

namespace killrvideo::host::astra {

// Keyspace, table and collection names on the Data API: [a-zA-Z][a-zA-Z0-9_]*, at most 48 characters
// (data-api-wire §1.1). Checked before a name goes into a URL path.
bool is_data_api_name(std::string_view name) noexcept;

}  // namespace killrvideo::host::astra

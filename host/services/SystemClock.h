#pragma once
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

class SystemClock final : public plugin::Clock {
 public:
  std::int64_t now_ms() const noexcept override;
};

}  // namespace killrvideo::host

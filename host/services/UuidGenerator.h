#pragma once
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// libuuid: random v4 ids, and v1 ids for Cassandra timeuuid columns.
class UuidGenerator final : public plugin::IdGenerator {
 public:
  std::string uuid4() noexcept override;
  std::string timeuuid() noexcept override;
};

}  // namespace killrvideo::host

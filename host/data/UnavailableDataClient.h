#pragma once
#include <string>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// The data seam with no backend behind it: every command fails with the Data API's
// UNAVAILABLE_DATABASE error, which plugins turn into a 503. Used for `database.backend: none`.
class UnavailableDataClient final : public plugin::DataClient {
 public:
  explicit UnavailableDataClient(std::string reason);
  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;

 private:
  std::string reason_;
};

}  // namespace killrvideo::host

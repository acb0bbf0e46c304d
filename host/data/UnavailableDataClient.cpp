#include "data/UnavailableDataClient.h"

#include <nlohmann/json.hpp>

namespace killrvideo::host {

UnavailableDataClient::UnavailableDataClient(std::string reason) : reason_(std::move(reason)) {}

nlohmann::ordered_json UnavailableDataClient::execute(const std::string&, const nlohmann::ordered_json&) noexcept {
  return {{"errors",
           nlohmann::ordered_json::array({{{"family", "SERVER"},
                                   {"scope", "DATABASE"},
                                   {"errorCode", "UNAVAILABLE_DATABASE"},
                                   {"title", "Database unavailable"},
                                   {"message", reason_}}})}};
}

}  // namespace killrvideo::host

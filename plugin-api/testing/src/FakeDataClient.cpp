#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace killrvideo::plugin::testing {

namespace {

nlohmann::ordered_json unavailable_database() {
  return {{"errors", nlohmann::ordered_json::array({{{"family", "SERVER"},
                                             {"scope", "DATABASE"},
                                             {"errorCode", "UNAVAILABLE_DATABASE"},
                                             {"title", "Database unavailable"},
                                             {"message", "FakeDataClient: no response queued for this command"}}})}};
}

}  // namespace

void FakeDataClient::queue_response(nlohmann::ordered_json response) {
  std::lock_guard lock(mutex_);
  responses_.push_back(std::move(response));
}

nlohmann::ordered_json FakeDataClient::execute(const std::string& target, const nlohmann::ordered_json& command) noexcept {
  std::lock_guard lock(mutex_);
  calls_.push_back({target, command});
  if (responses_.empty()) return unavailable_database();
  nlohmann::ordered_json response = std::move(responses_.front());
  responses_.pop_front();
  return response;
}

std::vector<DataCall> FakeDataClient::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::size_t FakeDataClient::unanswered_responses() const {
  std::lock_guard lock(mutex_);
  return responses_.size();
}

}  // namespace killrvideo::plugin::testing

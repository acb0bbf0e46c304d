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

void FakeDataClient::answer_unscripted_with(DataClient& peer) {
  std::lock_guard lock(mutex_);
  peer_ = &peer;
}

nlohmann::ordered_json FakeDataClient::execute(const std::string& target, const nlohmann::ordered_json& command) noexcept {
  nlohmann::ordered_json response;
  DataClient* peer = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (!responses_.empty()) {
      response = std::move(responses_.front());
      responses_.pop_front();
    } else {
      peer = peer_;
    }
  }
  // The peer runs unlocked: commands from concurrent handlers reach it concurrently, as in the host.
  if (peer != nullptr) {
    response = peer->execute(target, command);
  } else if (response.is_null()) {
    response = unavailable_database();
  }
  std::lock_guard lock(mutex_);
  calls_.push_back({target, command, response});
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

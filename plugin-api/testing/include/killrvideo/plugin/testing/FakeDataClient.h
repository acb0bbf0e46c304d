#pragma once
// A scripted database peer: it records every command a plugin sends and answers with the responses the
// test queued, in order. It never interprets a command. A test that needs a real store behind the plugin
// (say, the host's embedded engine) hands it over with answer_unscripted_with: commands are still
// recorded, with their answers, so the test can count what a request cost.

#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

struct DataCall {
  std::string target;
  nlohmann::ordered_json command;
  nlohmann::ordered_json response;
};

class FakeDataClient final : public DataClient {
 public:
  // The Data API response envelope for the next unanswered command.
  void queue_response(nlohmann::ordered_json response);

  // Commands arriving while no response is queued go to `peer` (which must outlive this client).
  void answer_unscripted_with(DataClient& peer);

  // Answers with the oldest queued response; when the test queued none, with the peer's answer or else an
  // UNAVAILABLE_DATABASE errors envelope, which is what the host's data client returns when the database
  // is unreachable.
  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;

  std::vector<DataCall> calls() const;
  std::size_t unanswered_responses() const;

 private:
  mutable std::mutex mutex_;
  std::deque<nlohmann::ordered_json> responses_;
  DataClient* peer_ = nullptr;
  std::vector<DataCall> calls_;
};

}  // namespace killrvideo::plugin::testing

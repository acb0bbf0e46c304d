#pragma once
// A scripted database peer: it records every command a plugin sends and answers with the responses the
// test queued, in order. It never interprets a command; a plugin's data logic is tested against the real
// engine elsewhere, here only what it sends and how it reacts to answers.

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
};

class FakeDataClient final : public DataClient {
 public:
  // The Data API response envelope for the next unanswered command.
  void queue_response(nlohmann::ordered_json response);

  // Answers with the oldest queued response, or an UNAVAILABLE_DATABASE errors envelope when the test
  // queued none, which is what the host's data client returns when the database is unreachable.
  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;

  std::vector<DataCall> calls() const;
  std::size_t unanswered_responses() const;

 private:
  mutable std::mutex mutex_;
  std::deque<nlohmann::ordered_json> responses_;
  std::vector<DataCall> calls_;
};

}  // namespace killrvideo::plugin::testing

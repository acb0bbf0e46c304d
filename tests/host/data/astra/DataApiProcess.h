#pragma once
// Runs the real `killrvideo-dataapi` binary for a test on a temporary data directory and a free loopback
// port; always stopped when the object goes away.

#include <chrono>
#include <optional>
#include <string>

#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {

class DataApiProcess {
 public:
  // Throws std::runtime_error with the server's output if it exits or does not listen in time.
  explicit DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout = std::chrono::seconds(20));

  std::string base_url() const { return process_.base_url(); }
  std::string output() const { return process_.output(); }
  // Sends SIGTERM and waits for the exit code; nullopt if it did not exit within `timeout`.
  std::optional<int> terminate(std::chrono::milliseconds timeout);

 private:
  TempDir dir_;
  ListeningProcess process_;
};

}  // namespace killrvideo::testing

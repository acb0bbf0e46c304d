#pragma once
// Runs the real `killrvideo-dataapi` binary for a test on a temporary data directory and a free loopback
// port; always stopped when the object goes away.

#include <chrono>
#include <optional>
#include <string>

#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {

// `killrvideo-dataapi --vectorize-local <dimension>`: vectorize text embedded by the local provider.
struct VectorizeLocal {
  int dimension;
};

class DataApiProcess {
 public:
  // Throws std::runtime_error with the server's output if it exits or does not listen in time.
  explicit DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout = std::chrono::seconds(20));
  // Serves an existing data directory (a restart after a crash) instead of a fresh one.
  DataApiProcess(const std::string& token, const std::string& data_dir);
  DataApiProcess(const std::string& token, VectorizeLocal vectorize);

  std::string base_url() const { return process_.base_url(); }
  const std::string& data_dir() const noexcept { return data_dir_; }
  // SIGKILL: no destructor, no flush, no saved index — a crash.
  void kill_hard();
  std::string output() const { return process_.output(); }
  // Sends SIGTERM and waits for the exit code; nullopt if it did not exit within `timeout`.
  std::optional<int> terminate(std::chrono::milliseconds timeout);

 private:
  TempDir dir_;
  std::string data_dir_;
  ListeningProcess process_;
};

}  // namespace killrvideo::testing

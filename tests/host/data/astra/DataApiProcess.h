#pragma once
// Runs the real `killrvideo-dataapi` binary for a test: a temporary data directory, a free loopback port
// (--port 0; the port is read from its "listening on" line), and always stopped (SIGTERM, then SIGKILL)
// when the object goes away, even if the test failed.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <sys/types.h>

#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {

class DataApiProcess {
 public:
  // Throws std::runtime_error with the server's output if it exits or does not listen in time.
  explicit DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout = std::chrono::seconds(20));
  ~DataApiProcess();
  DataApiProcess(const DataApiProcess&) = delete;
  DataApiProcess& operator=(const DataApiProcess&) = delete;

  std::string base_url() const;  // "http://127.0.0.1:<port>"
  std::string output() const;
  // Sends SIGTERM and waits for the exit code; nullopt if it did not exit within `timeout`.
  std::optional<int> terminate(std::chrono::milliseconds timeout);

 private:
  TempDir dir_;
  std::string log_path_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_code_;
};

}  // namespace killrvideo::testing

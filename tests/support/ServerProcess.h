#pragma once
// Runs the real `killrvideo` binary for a test: the config written into a temporary directory (its working
// directory too), on a free loopback port (--port 0), always stopped when the object goes away.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/ListeningProcess.h"

namespace killrvideo::testing {

// Paths CTest passes in (tests/CMakeLists.txt), else those of the build that compiled the tests.
std::string build_dir();
std::string source_dir();
std::string plugin_dir();   // <build>/bin/plugins
std::string fixture_dir();  // <build>/tests/fixtures

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const noexcept { return path_; }
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

class ServerProcess {
 public:
  // Throws std::runtime_error with the server's output if it exits or does not listen in time.
  explicit ServerProcess(const std::string& config_yaml, std::vector<std::string> extra_args = {},
                         std::chrono::seconds ready_timeout = std::chrono::seconds(20));

  std::uint16_t port() const noexcept { return process_.port(); }
  std::string base_url() const { return process_.base_url(); }
  std::string output() const { return process_.output(); }
  // The output once it holds `text` (the access log reaches stdout in batches, within a second), or as it
  // is after `timeout`.
  std::string output_with(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(3)) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string current = output();
    while (current.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      current = output();
    }
    return current;
  }
  const std::string& working_dir() const noexcept { return dir_.path(); }
  void send_terminate() const { process_.send_terminate(); }
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) { return process_.wait_exit(timeout); }

  // Runs the server expecting it to exit by itself (a start-up error): its exit code and output.
  static ExitResult run_to_exit(const std::string& config_yaml, std::vector<std::string> extra_args = {},
                                std::chrono::seconds timeout = std::chrono::seconds(20));

 private:
  TempDir dir_;
  ListeningProcess process_;
};

}  // namespace killrvideo::testing

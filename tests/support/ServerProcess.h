#pragma once
// Runs the real `killrvideo` binary for a test: writes the config into a temporary directory, starts the
// server on a free loopback port (--port 0; the port is read from its "listening on" log line), and always
// stops it — SIGTERM, then SIGKILL — when the object goes away, even if the test failed.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

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

struct ExitResult {
  int exit_code = -1;  // -1: still running when the wait gave up
  std::string output;  // stdout and stderr together
};

class ServerProcess {
 public:
  // Starts the server with `config_yaml` and waits until it listens. Throws std::runtime_error with the
  // server's output if it exits or does not listen within `ready_timeout`.
  explicit ServerProcess(const std::string& config_yaml, std::vector<std::string> extra_args = {},
                         std::chrono::seconds ready_timeout = std::chrono::seconds(20));
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  std::string base_url() const;
  std::string output() const;
  // Sends SIGTERM without waiting.
  void send_terminate() const;
  // Waits for the process to exit (after send_terminate); the exit code, or nullopt on timeout.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);

  // Runs the server expecting it to exit by itself (a start-up error): returns its exit code and output.
  static ExitResult run_to_exit(const std::string& config_yaml, std::vector<std::string> extra_args = {},
                                std::chrono::seconds timeout = std::chrono::seconds(20));

 private:
  static pid_t spawn(const TempDir& dir, const std::string& config_yaml, const std::vector<std::string>& extra_args,
                     std::string& log_path);
  TempDir dir_;
  std::string log_path_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_code_;
};

}  // namespace killrvideo::testing

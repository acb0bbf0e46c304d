#pragma once
// A server binary run by a test: started in a working directory with its output captured to a file, ready
// once it prints "listening on http://<host>:<port>" (it is started with port 0, so it picks a free one),
// and always stopped — SIGTERM, then SIGKILL — when the object goes away, even if the test failed.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace killrvideo::testing {

struct ExitResult {
  int exit_code = -1;  // -1: still running when the wait gave up (then killed)
  std::string output;  // stdout and stderr together
};

class ListeningProcess {
 public:
  // `argv[0]` is the executable's path. Throws std::runtime_error with the output if the process exits or
  // does not listen within `ready_timeout`.
  ListeningProcess(std::vector<std::string> argv, const std::string& working_dir, std::chrono::seconds ready_timeout);
  ~ListeningProcess();
  ListeningProcess(const ListeningProcess&) = delete;
  ListeningProcess& operator=(const ListeningProcess&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  std::string base_url() const;
  std::string output() const;
  void send_terminate() const;
  // SIGKILL, and waits until the process is gone.
  void kill_hard();
  // The exit code once the process has exited, or nullopt if it is still running after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);

  // Runs a process expected to exit by itself (a start-up error).
  static ExitResult run_to_exit(std::vector<std::string> argv, const std::string& working_dir,
                                std::chrono::seconds timeout);

 private:
  std::string log_path_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_code_;
};

}  // namespace killrvideo::testing

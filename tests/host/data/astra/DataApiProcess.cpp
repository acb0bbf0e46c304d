#include "tests/host/data/astra/DataApiProcess.h"

#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace killrvideo::testing {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<int> try_reap(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) != pid) return std::nullopt;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto code = try_reap(pid)) return code;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

pid_t spawn(std::vector<std::string> args, const std::string& log_path) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

DataApiProcess::DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout)
    : log_path_(dir_.path() + "/dataapi.log") {
  pid_ = spawn({build_dir() + "/bin/killrvideo-dataapi", "--port", "0", "--data-dir", dir_.path(), "--token", token},
               log_path_);
  const std::regex listening(R"(listening on http://[^:\s]+:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + ready_timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch found;
    const std::string log = read_file(log_path_);
    if (std::regex_search(log, found, listening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(found[1]));
      return;
    }
    if ((exit_code_ = try_reap(pid_))) {
      throw std::runtime_error("killrvideo-dataapi exited with " + std::to_string(*exit_code_) + ":\n" + output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  exit_code_ = wait_for_exit(pid_, std::chrono::seconds(5));
  throw std::runtime_error("killrvideo-dataapi did not start listening in time:\n" + output());
}

DataApiProcess::~DataApiProcess() {
  if (exit_code_ || terminate(std::chrono::seconds(10))) return;
  kill(pid_, SIGKILL);
  wait_for_exit(pid_, std::chrono::seconds(5));
}

std::string DataApiProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string DataApiProcess::output() const { return read_file(log_path_); }

std::optional<int> DataApiProcess::terminate(std::chrono::milliseconds timeout) {
  if (!exit_code_) {
    kill(pid_, SIGTERM);
    exit_code_ = wait_for_exit(pid_, timeout);
  }
  return exit_code_;
}

}  // namespace killrvideo::testing

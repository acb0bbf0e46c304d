#include "tests/support/ListeningProcess.h"

#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sys/prctl.h>
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

// Reaps the child if it has exited; its exit code (128+signal when killed).
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

pid_t spawn(std::vector<std::string> argv, const std::string& working_dir, const std::string& log_path) {
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // A test that dies without running destructors (a sanitizer's abort, a crash) takes its server with it
    // instead of leaving it listening; if the test is already gone, so is the point of starting.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(125);
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    if (chdir(working_dir.c_str()) != 0) _exit(126);
    std::vector<char*> args;
    for (auto& arg : argv) args.push_back(arg.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

std::string log_path_in(const std::string& working_dir, const std::vector<std::string>& argv) {
  return working_dir + "/" + argv.front().substr(argv.front().find_last_of('/') + 1) + ".log";
}

}  // namespace

ListeningProcess::ListeningProcess(std::vector<std::string> argv, const std::string& working_dir,
                                   std::chrono::seconds ready_timeout)
    : log_path_(log_path_in(working_dir, argv)) {
  const std::string name = argv.front();
  pid_ = spawn(std::move(argv), working_dir, log_path_);
  const std::regex listening(R"(listening on http://[^:\s]+:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + ready_timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch found;
    const std::string log = output();
    if (std::regex_search(log, found, listening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(found[1]));
      return;
    }
    if ((exit_code_ = try_reap(pid_))) {
      throw std::runtime_error(name + " exited with " + std::to_string(*exit_code_) + ":\n" + output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  exit_code_ = wait_for_exit(pid_, std::chrono::seconds(5));
  throw std::runtime_error(name + " did not start listening in time:\n" + output());
}

ListeningProcess::~ListeningProcess() {
  if (exit_code_ || pid_ <= 0) return;
  kill(pid_, SIGTERM);
  if (wait_for_exit(pid_, std::chrono::seconds(10))) return;
  kill(pid_, SIGKILL);
  wait_for_exit(pid_, std::chrono::seconds(5));
}

std::string ListeningProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string ListeningProcess::output() const { return read_file(log_path_); }

void ListeningProcess::send_terminate() const { kill(pid_, SIGTERM); }

void ListeningProcess::kill_hard() {
  if (exit_code_) return;
  kill(pid_, SIGKILL);
  exit_code_ = wait_for_exit(pid_, std::chrono::seconds(10));
}

std::optional<int> ListeningProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (!exit_code_) exit_code_ = wait_for_exit(pid_, timeout);
  return exit_code_;
}

ExitResult ListeningProcess::run_to_exit(std::vector<std::string> argv, const std::string& working_dir,
                                         std::chrono::seconds timeout) {
  const std::string log_path = log_path_in(working_dir, argv);
  const pid_t pid = spawn(std::move(argv), working_dir, log_path);
  ExitResult result;
  if (auto code = wait_for_exit(pid, timeout)) {
    result.exit_code = *code;
  } else {
    kill(pid, SIGKILL);
    wait_for_exit(pid, std::chrono::seconds(5));
  }
  result.output = read_file(log_path);
  return result;
}

}  // namespace killrvideo::testing

#include "tests/support/ServerProcess.h"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <filesystem>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace killrvideo::testing {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

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

}  // namespace

std::string build_dir() { return env_or("KILLRVIDEO_BUILD_DIR", KILLRVIDEO_BUILD_DIR_AT_BUILD); }
std::string source_dir() { return env_or("KILLRVIDEO_SOURCE_DIR", KILLRVIDEO_SOURCE_DIR_AT_BUILD); }
std::string plugin_dir() { return build_dir() + "/bin/plugins"; }
std::string fixture_dir() { return build_dir() + "/tests/fixtures"; }

TempDir::TempDir() {
  std::string pattern = "/tmp/killrvideo-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const std::string file = path_ + "/" + name;
  std::ofstream(file) << content;
  return file;
}

pid_t ServerProcess::spawn(const TempDir& dir, const std::string& config_yaml,
                           const std::vector<std::string>& extra_args, std::string& log_path) {
  const std::string config_path = dir.write("config.yaml", config_yaml);
  log_path = dir.path() + "/server.log";
  std::vector<std::string> args{build_dir() + "/bin/killrvideo", "--config", config_path};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    chdir(dir.path().c_str());  // relative paths in test configs (data_dir) land in the temp dir
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

ServerProcess::ServerProcess(const std::string& config_yaml, std::vector<std::string> extra_args,
                             std::chrono::seconds ready_timeout) {
  std::vector<std::string> args{"--port", "0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(dir_, config_yaml, args, log_path_);
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
      throw std::runtime_error("killrvideo exited with " + std::to_string(*exit_code_) + ":\n" + read_file(log_path_));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  exit_code_ = wait_for_exit(pid_, std::chrono::seconds(5));
  throw std::runtime_error("killrvideo did not start listening in time:\n" + read_file(log_path_));
}

ServerProcess::~ServerProcess() {
  if (exit_code_ || pid_ <= 0) return;
  kill(pid_, SIGTERM);
  if (wait_for_exit(pid_, std::chrono::seconds(10))) return;
  kill(pid_, SIGKILL);
  wait_for_exit(pid_, std::chrono::seconds(5));
}

std::string ServerProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string ServerProcess::output() const { return read_file(log_path_); }

void ServerProcess::send_terminate() const { kill(pid_, SIGTERM); }

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (!exit_code_) exit_code_ = wait_for_exit(pid_, timeout);
  return exit_code_;
}

ExitResult ServerProcess::run_to_exit(const std::string& config_yaml, std::vector<std::string> extra_args,
                                      std::chrono::seconds timeout) {
  TempDir dir;
  std::string log_path;
  const pid_t pid = spawn(dir, config_yaml, extra_args, log_path);
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

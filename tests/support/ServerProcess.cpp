#include "tests/support/ServerProcess.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace killrvideo::testing {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

std::vector<std::string> server_argv(const TempDir& dir, const std::string& config_yaml,
                                     std::vector<std::string> extra_args) {
  std::vector<std::string> argv{build_dir() + "/bin/killrvideo", "--config", dir.write("config.yaml", config_yaml)};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  return argv;
}

std::vector<std::string> with_free_port(std::vector<std::string> extra_args) {
  extra_args.insert(extra_args.begin(), {"--port", "0"});
  return extra_args;
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

ServerProcess::ServerProcess(const std::string& config_yaml, std::vector<std::string> extra_args,
                             std::chrono::seconds ready_timeout)
    : process_(server_argv(dir_, config_yaml, with_free_port(std::move(extra_args))), dir_.path(), ready_timeout) {}

ExitResult ServerProcess::run_to_exit(const std::string& config_yaml, std::vector<std::string> extra_args,
                                      std::chrono::seconds timeout) {
  TempDir dir;
  return ListeningProcess::run_to_exit(server_argv(dir, config_yaml, std::move(extra_args)), dir.path(), timeout);
}

}  // namespace killrvideo::testing

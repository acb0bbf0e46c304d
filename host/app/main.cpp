// killrvideo: the server executable. Parses the command line, reads the config and runs the Application;
// any start-up problem is printed as one line and exits non-zero.

#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "app/Application.h"
#include "config/ConfigLoader.h"
#include "http/AccessLog.h"

namespace {

std::filesystem::path executable_dir(const char* argv0) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return (error ? std::filesystem::absolute(argv0) : self).parent_path();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"KillrVideo C++ server: loads the domain plugins listed in a YAML config and serves the REST API."};
  std::string config_path = "config/killrvideo.yaml";
  int port = -1;
  cli.add_option("--config", config_path, "YAML config file")->capture_default_str();
  cli.add_option("--port", port, "listen port, overriding server.port (0 picks a free port)")
      ->check(CLI::Range(0, 65535));
  CLI11_PARSE(cli, argc, argv);

  spdlog::set_pattern("[%Y-%m-%dT%H:%M:%S.%e] [%l] [%n] %v");
  spdlog::default_logger()->set_level(spdlog::level::info);
  spdlog::flush_on(spdlog::level::info);
  // The access log (RequestPipeline) writes a line per request into stdout's buffer (the console sinks
  // flush every line): written out when another line is logged, when the buffer fills, or within a second,
  // rather than one write under the console's lock for every request.
  auto access_log = std::make_shared<spdlog::logger>(killrvideo::host::kAccessLoggerName,
                                                     std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout));
  spdlog::initialize_logger(access_log);
  access_log->flush_on(spdlog::level::off);
  spdlog::flush_every(std::chrono::seconds(1));
  try {
    killrvideo::host::Config config = killrvideo::host::load_config(config_path);
    if (port >= 0) config.server.port = static_cast<std::uint16_t>(port);
    return killrvideo::host::Application(std::move(config), executable_dir(argv[0])).run();
  } catch (const std::exception& e) {
    std::cerr << "killrvideo: " << e.what() << std::endl;
    return 1;
  }
}

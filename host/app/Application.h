#pragma once
// The server process from start-up to exit: config → services → plugins (load, validate, start) → HTTP →
// wait for SIGTERM/SIGINT → drain → stop in reverse.

#include <filesystem>

#include "config/Config.h"

namespace killrvideo::host {

class Application {
 public:
  // `executable_dir` anchors the default plugin directory (<executable_dir>/plugins).
  Application(Config config, std::filesystem::path executable_dir);

  // Blocks until a stop signal has been handled. Returns the process exit code; start-up problems throw
  // (ConfigError, PluginError, StartupError) with a one-line message.
  int run();

 private:
  Config config_;
  std::filesystem::path executable_dir_;
};

}  // namespace killrvideo::host

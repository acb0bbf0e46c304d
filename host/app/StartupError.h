#pragma once
#include <stdexcept>

namespace killrvideo::host {

// A start-up problem outside config parsing and plugin loading; what() is one line.
class StartupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace killrvideo::host

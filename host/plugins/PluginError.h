#pragma once
#include <stdexcept>

namespace killrvideo::host {

// A plugin problem that stops start-up. what() is one line naming the plugin (and file, values, or the
// other plugin involved), printed as is before the server exits non-zero.
class PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace killrvideo::host

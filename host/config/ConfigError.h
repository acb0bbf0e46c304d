#pragma once
// The one error the config loader throws: a single line naming the file, the line and the key, which is
// what the server prints when it refuses to start.

#include <stdexcept>
#include <string>

namespace killrvideo::host {

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(const std::string& message) : std::runtime_error(on_one_line(message)) {}

  // `line` is 1-based.
  ConfigError(const std::string& source, int line, const std::string& message)
      : ConfigError(source + ":" + std::to_string(line) + ": " + message) {}

 private:
  // Values quoted in a message may be multi-line YAML scalars; a log line must stay one line.
  static std::string on_one_line(const std::string& message) {
    std::string escaped;
    for (char c : message) {
      escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return escaped;
  }
};

}  // namespace killrvideo::host

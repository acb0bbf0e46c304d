#pragma once
// A node of the config file with its key path ("server.port", "plugins[2].name") and 1-based line, so
// that every check can say where the problem is. Scalars are read after ${VAR} substitution, which is
// why `port: ${PORT:-8000}` is an integer.

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace killrvideo::host {

struct ConfigEntry;

class ConfigNode {
 public:
  // The whole document, whose path is empty.
  ConfigNode(YAML::Node document, std::string source);

  const std::string& path() const { return path_; }
  int line() const { return line_; }

  // Throws ConfigError "<source>:<line>: <message>".
  [[noreturn]] void fail(const std::string& message) const;

  bool is_null() const { return node_.IsNull(); }
  bool is_mapping() const { return node_.IsMap(); }
  bool is_sequence() const { return node_.IsSequence(); }
  // Unquoted and untagged, so that its text may read as a number, a boolean or null.
  bool is_plain_scalar() const { return node_.IsScalar() && node_.Tag() == "?"; }

  // Mappings and lists. A key given no value reads as an empty mapping or list: that is what a section
  // whose lines are all commented out looks like. entries() fails on a duplicate or non-scalar key.
  std::vector<ConfigEntry> entries() const;
  void expect_keys(std::initializer_list<std::string_view> known) const;
  std::optional<ConfigNode> child(std::string_view key) const;
  std::vector<ConfigNode> elements() const;

  std::string as_string() const;
  long long as_integer(long long min, long long max) const;
  bool as_bool() const;
  std::string as_choice(std::initializer_list<std::string_view> choices) const;
  std::vector<std::string> as_string_list() const;

  // Section fields: `target` keeps its default when `key` is absent.
  void read(std::string_view key, std::string& target) const;
  void read(std::string_view key, bool& target) const;
  void read(std::string_view key, std::vector<std::string>& target) const;
  void read_choice(std::string_view key, std::string& target,
                   std::initializer_list<std::string_view> choices) const;
  template <typename Integer>
  void read(std::string_view key, Integer& target, long long min, long long max = largest<Integer>()) const {
    if (const std::optional<ConfigNode> value = child(key)) {
      target = static_cast<Integer>(value->as_integer(min, max));
    }
  }

 private:
  ConfigNode(YAML::Node node, std::string path, std::string source, int line);

  template <typename Integer>
  static constexpr long long largest() {
    return static_cast<long long>(std::min<unsigned long long>(std::numeric_limits<Integer>::max(),
                                                               std::numeric_limits<long long>::max()));
  }

  [[noreturn]] void fail_at(int line, const std::string& message) const;
  std::string child_path(const std::string& key) const;
  std::string name() const;
  std::string describe_value() const;
  [[noreturn]] void fail_expected(const std::string& expectation) const;

  YAML::Node node_;
  std::string path_;
  std::string source_;
  int line_;
};

// One key of a mapping; the key's own line is where an unknown or duplicate key is reported.
struct ConfigEntry {
  std::string key;
  int key_line;
  ConfigNode value;
};

}  // namespace killrvideo::host

#include "config/ConfigNode.h"

#include <map>
#include <stdexcept>

#include "config/ConfigError.h"
#include "config/EnvSubstitution.h"
#include "config/PlainScalar.h"

namespace killrvideo::host {

namespace {

// yaml-cpp counts lines from 0 and gives an empty document no position at all.
int line_of(const YAML::Node& node, int fallback_line) {
  const int zero_based = node.Mark().line;
  return zero_based >= 0 ? zero_based + 1 : fallback_line;
}

std::string joined(std::initializer_list<std::string_view> words) {
  std::string result;
  for (std::string_view word : words) {
    result += (result.empty() ? "" : ", ") + std::string(word);
  }
  return result;
}

}  // namespace

ConfigNode::ConfigNode(YAML::Node document, std::string source)
    : ConfigNode(document, "", std::move(source), line_of(document, 1)) {}

ConfigNode::ConfigNode(YAML::Node node, std::string path, std::string source, int line)
    : node_(std::move(node)), path_(std::move(path)), source_(std::move(source)), line_(line) {}

void ConfigNode::fail(const std::string& message) const { fail_at(line_, message); }

void ConfigNode::fail_at(int line, const std::string& message) const {
  throw ConfigError(source_, line, message);
}

std::vector<ConfigEntry> ConfigNode::entries() const {
  if (!is_null() && !is_mapping()) {
    fail_expected("a mapping");
  }
  std::vector<ConfigEntry> result;
  std::map<std::string, int> first_line_of_key;
  for (const auto& key_and_value : node_) {
    const YAML::Node& key_node = key_and_value.first;
    const YAML::Node& value_node = key_and_value.second;
    const int key_line = line_of(key_node, line_);
    if (!key_node.IsScalar()) {
      fail_at(key_line, name() + " has a key that is not a string");
    }
    const std::string key = key_node.Scalar();
    const auto [first, inserted] = first_line_of_key.emplace(key, key_line);
    if (!inserted) {
      fail_at(key_line, "duplicate key '" + child_path(key) + "' (first on line " +
                            std::to_string(first->second) + ")");
    }
    // yaml-cpp places a missing value at whatever follows it, often the next line; the key's line is right.
    const int value_line = value_node.IsNull() ? key_line : line_of(value_node, key_line);
    result.push_back({key, key_line, ConfigNode(value_node, child_path(key), source_, value_line)});
  }
  return result;
}

void ConfigNode::expect_keys(std::initializer_list<std::string_view> known) const {
  for (const ConfigEntry& entry : entries()) {
    if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
      fail_at(entry.key_line, "unknown key '" + entry.value.path() + "'");
    }
  }
}

std::optional<ConfigNode> ConfigNode::child(std::string_view key) const {
  for (const ConfigEntry& entry : entries()) {
    if (entry.key == key) {
      return entry.value;
    }
  }
  return std::nullopt;
}

std::vector<ConfigNode> ConfigNode::elements() const {
  if (!is_null() && !is_sequence()) {
    fail_expected("a list");
  }
  std::vector<ConfigNode> result;
  for (std::size_t index = 0; index < node_.size(); ++index) {
    const YAML::Node element = node_[index];
    result.push_back(
        ConfigNode(element, path_ + "[" + std::to_string(index) + "]", source_, line_of(element, line_)));
  }
  return result;
}

std::string ConfigNode::as_string() const {
  if (!node_.IsScalar()) {
    fail_expected("a string");
  }
  try {
    return substitute_env_vars(node_.Scalar());
  } catch (const std::invalid_argument& error) {
    fail(name() + ": " + error.what());
  }
}

long long ConfigNode::as_integer(long long min, long long max) const {
  const std::optional<long long> value = node_.IsScalar() ? parse_integer(as_string()) : std::nullopt;
  if (!value || *value < min || *value > max) {
    fail_expected("an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return *value;
}

bool ConfigNode::as_bool() const {
  const std::optional<bool> value = node_.IsScalar() ? parse_bool(as_string()) : std::nullopt;
  if (!value) {
    fail_expected("true or false");
  }
  return *value;
}

std::string ConfigNode::as_choice(std::initializer_list<std::string_view> choices) const {
  const std::string value = node_.IsScalar() ? as_string() : std::string();
  if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
    fail_expected("one of " + joined(choices));
  }
  return value;
}

std::vector<std::string> ConfigNode::as_string_list() const {
  if (!is_null() && !is_sequence()) {
    fail_expected("a list of strings");
  }
  std::vector<std::string> result;
  for (const ConfigNode& element : elements()) {
    result.push_back(element.as_string());
  }
  return result;
}

void ConfigNode::read(std::string_view key, std::string& target) const {
  if (const std::optional<ConfigNode> value = child(key)) {
    target = value->as_string();
  }
}

void ConfigNode::read(std::string_view key, bool& target) const {
  if (const std::optional<ConfigNode> value = child(key)) {
    target = value->as_bool();
  }
}

void ConfigNode::read(std::string_view key, std::vector<std::string>& target) const {
  if (const std::optional<ConfigNode> value = child(key)) {
    target = value->as_string_list();
  }
}

void ConfigNode::read_choice(std::string_view key, std::string& target,
                             std::initializer_list<std::string_view> choices) const {
  if (const std::optional<ConfigNode> value = child(key)) {
    target = value->as_choice(choices);
  }
}

std::string ConfigNode::child_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

std::string ConfigNode::name() const { return path_.empty() ? "the top level" : "'" + path_ + "'"; }

std::string ConfigNode::describe_value() const {
  if (is_null()) {
    return "nothing";
  }
  if (is_mapping()) {
    return "a mapping";
  }
  if (is_sequence()) {
    return "a list";
  }
  return "'" + as_string() + "'";
}

void ConfigNode::fail_expected(const std::string& expectation) const {
  fail(name() + " must be " + expectation + ", got " + describe_value());
}

}  // namespace killrvideo::host

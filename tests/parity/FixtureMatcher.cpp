#include "tests/parity/FixtureMatcher.h"

#include <cmath>

namespace killrvideo::testing {

namespace {

constexpr double kNumberTolerance = 1e-5;
constexpr const char* kCapturePrefix = "<capture:";
constexpr const char* kUsePrefix = "<use:";

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

std::string name_inside(const std::string& marker, const char* prefix) {
  return marker.substr(std::char_traits<char>::length(prefix), marker.size() - std::char_traits<char>::length(prefix) - 1);
}

template <class Reduce>
nlohmann::ordered_json map_error_objects(nlohmann::ordered_json response, Reduce reduce) {
  if (auto errors = response.find("errors"); errors != response.end() && errors->is_array()) {
    for (auto& error : *errors) error = reduce(error);
  }
  if (auto status = response.find("status"); status != response.end() && status->contains("warnings")) {
    for (auto& warning : (*status)["warnings"]) warning = reduce(warning);
  }
  return response;
}

}  // namespace

nlohmann::ordered_json without_prose(const nlohmann::ordered_json& response) {
  return map_error_objects(response, [](const nlohmann::ordered_json& error) {
    return nlohmann::ordered_json{{"family", error.value("family", "")},
                          {"scope", error.value("scope", "")},
                          {"errorCode", error.value("errorCode", "")}};
  });
}

nlohmann::ordered_json without_ids(const nlohmann::ordered_json& response) {
  return map_error_objects(response, [](nlohmann::ordered_json error) {
    error.erase("id");
    return error;
  });
}

std::string FixtureMatcher::mismatch(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual) {
  return compare(expected, without_prose(actual), "$");
}

std::string FixtureMatcher::compare(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual,
                                    const std::string& path) {
  const auto differ = [&] { return path + ": expected " + expected.dump() + ", got " + actual.dump(); };
  if (expected.is_string()) {
    const auto& marker = expected.get_ref<const std::string&>();
    if (marker == "<any>") return {};
    if (starts_with(marker, kCapturePrefix)) {
      if (!actual.is_string()) return differ();
      captures_[name_inside(marker, kCapturePrefix)] = actual.get<std::string>();
      return {};
    }
  }
  if (expected.is_number() && actual.is_number()) {
    return std::fabs(expected.get<double>() - actual.get<double>()) <= kNumberTolerance ? "" : differ();
  }
  if (expected.is_object() && actual.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return path + "." + key + ": missing, expected " + value.dump();
      if (auto found = compare(value, actual.at(key), path + "." + key); !found.empty()) return found;
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key)) return path + "." + key + ": unexpected " + value.dump();
    }
    return {};
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) return differ();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (auto found = compare(expected[i], actual[i], path + "[" + std::to_string(i) + "]"); !found.empty()) {
        return found;
      }
    }
    return {};
  }
  return expected == actual ? "" : differ();
}

nlohmann::ordered_json FixtureMatcher::substitute(const nlohmann::ordered_json& command) const {
  if (command.is_string()) {
    const auto& text = command.get_ref<const std::string&>();
    if (starts_with(text, kUsePrefix)) {
      const auto found = captures_.find(name_inside(text, kUsePrefix));
      return found == captures_.end() ? command : nlohmann::ordered_json(found->second);
    }
    return command;
  }
  if (!command.is_structured()) return command;
  nlohmann::ordered_json result = command;
  for (auto& [key, value] : result.items()) value = substitute(value);
  return result;
}

}  // namespace killrvideo::testing

#include "killrvideo/plugin/data/DataApiError.h"

namespace killrvideo::plugin::data {

namespace {

std::string string_field(const nlohmann::ordered_json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string describe(const std::vector<ErrorObject>& errors) {
  if (errors.empty()) return "Data API error";
  const ErrorObject& first = errors.front();
  std::string text = first.error_code.empty() ? "Data API error" : first.error_code;
  if (!first.message.empty()) text += ": " + first.message;
  if (errors.size() > 1) text += " (and " + std::to_string(errors.size() - 1) + " more)";
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

ErrorObject ErrorObject::from_json(const nlohmann::ordered_json& object) {
  if (!object.is_object()) return ErrorObject{"", "", "", "", "", object.dump(), object};
  return ErrorObject{string_field(object, "id"),
                     string_field(object, "family"),
                     string_field(object, "scope"),
                     string_field(object, "errorCode"),
                     string_field(object, "title"),
                     string_field(object, "message"),
                     object};
}

DataApiError::DataApiError(std::vector<ErrorObject> errors)
    : std::runtime_error(describe(errors)), errors_(std::move(errors)) {
  // first() must always have something to name.
  if (errors_.empty()) errors_.push_back(ErrorObject{});
}

bool DataApiError::is_data_store_unavailable() const noexcept {
  return family() == "SERVER" || error_code() == "UNAVAILABLE_DATABASE" || starts_with(error_code(), "TIMEOUT_");
}

}  // namespace killrvideo::plugin::data

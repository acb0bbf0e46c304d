#include "killrvideo/plugin/BodyReader.h"

#include <limits>
#include <regex>

namespace killrvideo::plugin {

namespace {

std::string plural(std::size_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

// local@domain.tld with no spaces: what a sign-up form needs; deliverability is not our business.
const std::regex& email_shape() {
  static const std::regex shape(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  return shape;
}

}  // namespace

std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t count = 0;
  for (const unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

BodyReader::BodyReader(const Request& request)
    : body_(request.body()), body_is_object_(request.body().is_object()) {
  if (!body_is_object_) {
    issues_.push_back({body_.is_null() ? "missing" : "model_attributes_type",
                       {"body"},
                       body_.is_null() ? "Field required" : "Input should be a valid dictionary or object to extract fields from",
                       body_,
                       nullptr});
  }
}

void BodyReader::issue(std::string type, std::string_view field, std::string msg, const nlohmann::json& input,
                       nlohmann::json ctx) {
  issues_.push_back({std::move(type), {"body", std::string(field)}, std::move(msg), input, std::move(ctx)});
}

const nlohmann::json* BodyReader::field_value(std::string_view field, Presence presence) {
  if (!body_is_object_) return nullptr;
  const auto found = body_.find(std::string(field));
  if (found != body_.end() && !found->is_null()) return &*found;
  if (presence == Presence::Required) issue("missing", field, "Field required", nullptr);
  return nullptr;
}

std::optional<std::string> BodyReader::string(std::string_view field, std::size_t min_length,
                                              std::size_t max_length, Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    issue("string_type", field, "Input should be a valid string", *value);
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  const std::size_t length = utf8_length(text);
  if (length < min_length) {
    issue("string_too_short", field, "String should have at least " + plural(min_length, "character"), *value,
          {{"min_length", min_length}});
    return std::nullopt;
  }
  if (length > max_length) {
    issue("string_too_long", field, "String should have at most " + plural(max_length, "character"), *value,
          {{"max_length", max_length}});
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> BodyReader::password(std::string_view field, std::size_t min_length) {
  const std::size_t issues_before = issues_.size();
  auto text = string(field, min_length, std::numeric_limits<std::size_t>::max());
  if (text && text->find('\0') != std::string::npos) {
    issue("value_error", field, "Value error, a password must not contain a NUL character", kRedactedInput);
    text.reset();
  }
  // A missing field has nothing to hide: its input stays null.
  for (std::size_t i = issues_before; i < issues_.size(); ++i) {
    if (!issues_[i].input.is_null()) issues_[i].input = kRedactedInput;
  }
  return text;
}

std::optional<std::string> BodyReader::email(std::string_view field, Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    issue("string_type", field, "Input should be a valid string", *value);
    return std::nullopt;
  }
  std::string address = value->get<std::string>();
  if (address.size() > 320 || !std::regex_match(address, email_shape())) {
    issue("value_error", field, "value is not a valid email address: The email address is not valid.", *value,
          {{"reason", "The email address is not valid."}});
    return std::nullopt;
  }
  const auto at = address.find('@');
  for (std::size_t i = at; i < address.size(); ++i) {
    address[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(address[i])));
  }
  return address;
}

std::optional<long long> BodyReader::integer(std::string_view field, long long min, long long max, Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer() && !(value->is_number_float() && value->get<double>() == static_cast<long long>(value->get<double>()))) {
    issue("int_type", field, "Input should be a valid integer", *value);
    return std::nullopt;
  }
  const long long number = value->is_number_integer() ? value->get<long long>() : static_cast<long long>(value->get<double>());
  if (number < min) {
    issue("greater_than_equal", field, "Input should be greater than or equal to " + std::to_string(min), *value,
          {{"ge", min}});
    return std::nullopt;
  }
  if (number > max) {
    issue("less_than_equal", field, "Input should be less than or equal to " + std::to_string(max), *value,
          {{"le", max}});
    return std::nullopt;
  }
  return number;
}

std::optional<std::vector<std::string>> BodyReader::string_list(std::string_view field, Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    issue("list_type", field, "Input should be a valid list", *value);
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string()) {
      issues_.push_back({"string_type", {"body", std::string(field), i}, "Input should be a valid string", (*value)[i], nullptr});
      return std::nullopt;
    }
    items.push_back((*value)[i].get<std::string>());
  }
  return items;
}

std::optional<std::string> BodyReader::choice(std::string_view field, const std::vector<std::string>& allowed,
                                              Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    for (const auto& option : allowed) {
      if (option == value->get_ref<const std::string&>()) return option;
    }
  }
  std::string expected;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    expected += (i == 0 ? "'" : (i + 1 == allowed.size() ? " or '" : ", '")) + allowed[i] + "'";
  }
  issue("enum", field, "Input should be " + expected, *value, {{"expected", expected}});
  return std::nullopt;
}

std::optional<std::vector<float>> BodyReader::number_list(std::string_view field, Presence presence) {
  const nlohmann::json* value = field_value(field, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    issue("list_type", field, "Input should be a valid list", *value);
    return std::nullopt;
  }
  std::vector<float> numbers;
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_number()) {
      issues_.push_back({"float_type", {"body", std::string(field), i}, "Input should be a valid number", (*value)[i], nullptr});
      return std::nullopt;
    }
    numbers.push_back((*value)[i].get<float>());
  }
  return numbers;
}

void BodyReader::finish() const {
  if (!issues_.empty()) throw ValidationError(issues_);
}

}  // namespace killrvideo::plugin

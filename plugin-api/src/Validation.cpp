#include "killrvideo/plugin/Validation.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "killrvideo/plugin/Errors.h"

namespace killrvideo::plugin {

namespace {

bool is_hex(char c, bool lowercase_only) {
  if (c >= '0' && c <= '9') return true;
  if (c >= 'a' && c <= 'f') return true;
  return !lowercase_only && c >= 'A' && c <= 'F';
}

bool is_uuid_shape(std::string_view text, bool lowercase_only) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? text[i] != '-' : !is_hex(text[i], lowercase_only)) return false;
  }
  return true;
}

[[noreturn]] void fail(std::string type, const char* where, std::string_view name, std::string msg,
                       nlohmann::json input, nlohmann::json ctx = nullptr) {
  throw ValidationError({ValidationIssue{std::move(type), {where, std::string(name)}, std::move(msg),
                                         std::move(input), std::move(ctx)}});
}

}  // namespace

bool is_canonical_uuid(std::string_view text) noexcept { return is_uuid_shape(text, true); }

int query_int(const Request& request, std::string_view name, int default_value, int min, int max) {
  const auto raw = request.query_param(name);
  if (!raw) return default_value;
  int value = 0;
  const char* end = raw->data() + raw->size();
  const auto [ptr, ec] = std::from_chars(raw->data(), end, value);
  if (raw->empty() || ec != std::errc() || ptr != end) {
    fail("int_parsing", "query", name, "Input should be a valid integer, unable to parse string as an integer",
         std::string(*raw));
  }
  if (value < min) {
    fail("greater_than_equal", "query", name, "Input should be greater than or equal to " + std::to_string(min),
         std::string(*raw), {{"ge", min}});
  }
  if (value > max) {
    fail("less_than_equal", "query", name, "Input should be less than or equal to " + std::to_string(max),
         std::string(*raw), {{"le", max}});
  }
  return value;
}

std::optional<std::string> query_string(const Request& request, std::string_view name) {
  const auto raw = request.query_param(name);
  if (!raw) return std::nullopt;
  return std::string(*raw);
}

std::string required_query_string(const Request& request, std::string_view name, std::size_t min_length) {
  const auto raw = request.query_param(name);
  if (!raw) fail("missing", "query", name, "Field required", nullptr);
  if (raw->size() < min_length) {
    fail("string_too_short", "query", name,
         "String should have at least " + std::to_string(min_length) + " character" + (min_length == 1 ? "" : "s"),
         std::string(*raw), {{"min_length", min_length}});
  }
  return std::string(*raw);
}

PageRequest page_request(const Request& request) {
  PageRequest page;
  page.page = query_int(request, "page", 1, 1, 1'000'000);
  page.page_size = query_int(request, "pageSize", kDefaultPageSize, 1, kMaxPageSize);
  return page;
}

std::string uuid_path_param(const Request& request, std::string_view name) {
  const auto raw = request.path_param(name);
  const std::string text = raw ? std::string(*raw) : std::string();
  if (!is_uuid_shape(text, false)) {
    fail("uuid_parsing", "path", name,
         "Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by "
         "[0-9a-fA-F-]",
         text);
  }
  std::string lowered = text;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

}  // namespace killrvideo::plugin

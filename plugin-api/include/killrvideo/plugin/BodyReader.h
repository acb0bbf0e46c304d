#pragma once
// Reading a JSON request body field by field, collecting every problem the way FastAPI does, so that one
// 422 lists them all (api-contract §1.4). Unknown fields are ignored (api-contract §1.2).
//
//   BodyReader body(request);
//   auto email = body.email("email");
//   auto name = body.string("firstName", 1, 50);
//   body.finish();  // throws ValidationError when anything above was wrong

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin {

enum class Presence { Required, Optional };

class BodyReader {
 public:
  explicit BodyReader(const Request& request);

  // Lengths count Unicode code points, as Pydantic does. An optional field that is absent or null gives
  // nullopt without an issue.
  std::optional<std::string> string(std::string_view field, std::size_t min_length, std::size_t max_length,
                                    Presence presence = Presence::Required);
  // A string of at least `min_length` code points without NUL bytes (bcrypt reads a C string). Issues about
  // it never echo the value: their `input` is the redaction mark, as Pydantic shows a SecretStr.
  std::optional<std::string> password(std::string_view field, std::size_t min_length);
  // A syntactically valid address; the domain is lower-cased (as the reference's validator does).
  std::optional<std::string> email(std::string_view field, Presence presence = Presence::Required);
  std::optional<long long> integer(std::string_view field, long long min, long long max,
                                   Presence presence = Presence::Required);
  std::optional<std::vector<std::string>> string_list(std::string_view field, Presence presence = Presence::Optional);
  // One of `allowed`; else an "enum" issue naming them.
  std::optional<std::string> choice(std::string_view field, const std::vector<std::string>& allowed,
                                    Presence presence = Presence::Required);
  std::optional<std::vector<float>> number_list(std::string_view field, Presence presence = Presence::Required);

  // Throws ValidationError with every issue found so far.
  void finish() const;

 private:
  const nlohmann::json* field_value(std::string_view field, Presence presence);
  void issue(std::string type, std::string_view field, std::string msg, const nlohmann::json& input,
             nlohmann::json ctx = nullptr);

  const nlohmann::json& body_;
  bool body_is_object_;
  std::vector<ValidationIssue> issues_;
};

// What a 422 shows as the `input` of a password field.
inline constexpr const char* kRedactedInput = "**********";

// Code points in a UTF-8 string (continuation bytes are not counted).
std::size_t utf8_length(std::string_view text) noexcept;

}  // namespace killrvideo::plugin

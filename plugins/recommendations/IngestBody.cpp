#include "IngestBody.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Validation.h"

namespace killrvideo::recommendations {

namespace {

using nlohmann::json;
using plugin::ValidationIssue;

inline constexpr const char* kVideoIdField = "videoId";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Pydantic's UUID: a string of a UUID in any case. BodyReader has strings and numbers, not UUIDs.
std::optional<ValidationIssue> video_id_problem(const json& body) {
  if (!body.is_object()) return std::nullopt;  // BodyReader's one issue
  const auto field = body.find(kVideoIdField);
  if (field == body.end() || field->is_null()) return ValidationIssue{"missing", {"body", kVideoIdField}, "Field required", nullptr, nullptr};
  if (!field->is_string() || !plugin::is_canonical_uuid(lowercase(field->get<std::string>()))) {
    return ValidationIssue{"uuid_parsing", {"body", kVideoIdField},
                           "Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` "
                           "followed by [0-9a-fA-F-]",
                           *field, nullptr};
  }
  return std::nullopt;
}

}  // namespace

EmbeddingIngest read_embedding_ingest(const plugin::Request& request) {
  std::vector<ValidationIssue> issues;
  if (auto problem = video_id_problem(request.body())) issues.push_back(std::move(*problem));
  plugin::BodyReader body(request);
  auto vector = body.number_list("vector");
  try {
    body.finish();
  } catch (const plugin::ValidationError& error) {
    issues.insert(issues.end(), error.issues().begin(), error.issues().end());
  }
  if (!issues.empty()) throw plugin::ValidationError(std::move(issues));
  return {lowercase(request.body().at(kVideoIdField).get<std::string>()), std::move(*vector)};
}

}  // namespace killrvideo::recommendations

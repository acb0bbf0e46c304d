#include "SubmissionBody.h"

#include <cctype>
#include <limits>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"

#include "TagRules.h"

namespace killrvideo::catalog {

namespace {

using nlohmann::json;
using plugin::ValidationIssue;

inline constexpr std::size_t kMaxTitleLength = 150;
inline constexpr const char* kUrlField = "youtubeUrl";

ValidationIssue url_issue(std::string type, std::string msg, const json& input, json ctx = nullptr) {
  return {std::move(type), {"body", kUrlField}, std::move(msg), input, std::move(ctx)};
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Pydantic's HttpUrl: an absolute http(s) URL with a host, at most 2083 characters.
std::optional<ValidationIssue> url_problem(const json& body) {
  // A body that is no object at all is BodyReader's one issue.
  if (!body.is_object()) return std::nullopt;
  const auto field = body.find(kUrlField);
  if (field == body.end() || field->is_null()) return url_issue("missing", "Field required", nullptr);
  if (!field->is_string()) return url_issue("url_type", "URL input should be a string or URL", *field);
  const std::string url = field->get<std::string>();
  if (url.size() > kMaxUrlLength) {
    return url_issue("url_too_long", "URL should have at most 2083 characters", *field, {{"max_length", kMaxUrlLength}});
  }
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || scheme_end == 0) {
    return url_issue("url_parsing", "Input should be a valid URL, relative URL without a base", *field,
                     {{"error", "relative URL without a base"}});
  }
  const std::string scheme = lowercase(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") {
    return url_issue("url_scheme", "URL scheme should be 'http' or 'https'", *field,
                     {{"expected_schemes", "'http' or 'https'"}});
  }
  const std::size_t host_start = scheme_end + 3;
  if (host_start >= url.size() || url[host_start] == '/' || url[host_start] == '?' || url[host_start] == '#') {
    return url_issue("url_parsing", "Input should be a valid URL, empty host", *field, {{"error", "empty host"}});
  }
  return std::nullopt;
}

}  // namespace

Submission read_submission(const plugin::Request& request) {
  std::vector<ValidationIssue> issues;
  if (auto problem = url_problem(request.body())) issues.push_back(std::move(*problem));
  plugin::BodyReader body(request);
  Submission submission;
  submission.title = body.string("title", 1, kMaxTitleLength, plugin::Presence::Optional);
  submission.description =
      body.string("description", 0, std::numeric_limits<std::size_t>::max(), plugin::Presence::Optional);
  submission.tags = body.string_list("tags", plugin::Presence::Optional);
  try {
    body.finish();
  } catch (const plugin::ValidationError& error) {
    issues.insert(issues.end(), error.issues().begin(), error.issues().end());
  }
  if (submission.tags) {
    for (auto& issue : tag_issues(*submission.tags)) issues.push_back(std::move(issue));
  }
  if (!issues.empty()) throw plugin::ValidationError(std::move(issues));
  submission.youtube_url = request.body().at(kUrlField).get<std::string>();
  return submission;
}

}  // namespace killrvideo::catalog

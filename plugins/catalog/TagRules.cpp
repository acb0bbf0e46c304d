#include "TagRules.h"

#include "killrvideo/plugin/BodyReader.h"

namespace killrvideo::catalog {

std::vector<plugin::ValidationIssue> tag_issues(const std::vector<std::string>& tags) {
  std::vector<plugin::ValidationIssue> issues;
  if (tags.size() > kMaxTags) {
    issues.push_back({"too_long", {"body", "tags"},
                      "List should have at most " + std::to_string(kMaxTags) + " items after validation, not " +
                          std::to_string(tags.size()),
                      tags, {{"field_type", "List"}, {"max_length", kMaxTags}, {"actual_length", tags.size()}}});
    return issues;
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::size_t length = plugin::utf8_length(tags[i]);
    if (length == 0) {
      issues.push_back({"string_too_short", {"body", "tags", i}, "String should have at least 1 character", tags[i],
                        {{"min_length", 1}}});
    } else if (length > kMaxTagLength) {
      issues.push_back({"string_too_long", {"body", "tags", i},
                        "String should have at most " + std::to_string(kMaxTagLength) + " characters", tags[i],
                        {{"max_length", kMaxTagLength}}});
    }
  }
  return issues;
}

}  // namespace killrvideo::catalog

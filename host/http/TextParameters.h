#pragma once
// Path and query parameters are text once percent-decoded, and `%FF` or `%00` decode to bytes that are not:
// a parameter that is not valid UTF-8, or holds a NUL, is a 422 of the host's making (loc ["path"|"query",
// name]) before any plugin builds a JSON document or a database command from it.

#include <string>
#include <utility>
#include <vector>

#include "killrvideo/plugin/Errors.h"

namespace killrvideo::host {

using DecodedParameters = std::vector<std::pair<std::string, std::string>>;

// One issue per unreadable name or value, path parameters first; empty when all are readable.
std::vector<plugin::ValidationIssue> text_parameter_issues(const DecodedParameters& path_params,
                                                           const DecodedParameters& query);

}  // namespace killrvideo::host

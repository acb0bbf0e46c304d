#pragma once
// The limits on a video's tags (submit #6, update #9). Every tag is written into each listing by tag and
// into search's tag pieces, so their number and length bound what one request can make the store write.

#include <cstddef>
#include <string>
#include <vector>

#include "killrvideo/plugin/Errors.h"

namespace killrvideo::catalog {

inline constexpr std::size_t kMaxTags = 50;
inline constexpr std::size_t kMaxTagLength = 50;  // characters

// FastAPI-shaped issues (loc body.tags, or body.tags.<i>) for too many tags, an empty tag or one too long.
std::vector<plugin::ValidationIssue> tag_issues(const std::vector<std::string>& tags);

}  // namespace killrvideo::catalog

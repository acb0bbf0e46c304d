#pragma once
// The bodies of POST /videos and POST /videos/preview, validated the way FastAPI validates the
// reference's models (api-contract §4.2 #6, #18): every problem in one 422.

#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::catalog {

inline constexpr std::size_t kMaxUrlLength = 2083;

struct Submission {
  std::string youtube_url;
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> tags;
};

// Throws plugin::ValidationError.
Submission read_submission(const plugin::Request& request);

}  // namespace killrvideo::catalog

#pragma once
// One comment as this plugin stores and answers it.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace killrvideo::comments_ratings {

struct Comment {
  std::string comment_id;  // a version-1 UUID; `created_ms` is its time
  std::string video_id;
  std::string user_id;
  std::string text;
  std::optional<double> sentiment;
  std::int64_t created_ms = 0;
};

// The columns both comment tables hold ("videoid", "commentid", …, "created_at" as ISO-8601).
nlohmann::ordered_json comment_row(const Comment& comment);
// A row of either comment table, or a comments_by_id document. Throws std::invalid_argument when a
// column is missing or malformed.
Comment comment_from(const nlohmann::ordered_json& stored);

}  // namespace killrvideo::comments_ratings

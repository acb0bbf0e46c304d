#include "Comment.h"

#include <stdexcept>

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::comments_ratings {

namespace {

std::string text_of(const nlohmann::ordered_json& stored, const char* column) {
  const auto value = stored.find(column);
  if (value == stored.end() || !value->is_string()) {
    throw std::invalid_argument(std::string("stored comment has no text column '") + column + "': " + stored.dump());
  }
  return value->get<std::string>();
}

std::int64_t time_of(const nlohmann::ordered_json& stored) {
  const auto instant = plugin::parse_iso_timestamp(text_of(stored, "created_at"));
  if (!instant) throw std::invalid_argument("stored comment has a malformed created_at: " + stored.dump());
  return *instant;
}

std::optional<double> sentiment_of_row(const nlohmann::ordered_json& stored) {
  const auto value = stored.find("sentiment_score");
  if (value == stored.end() || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

}  // namespace

nlohmann::ordered_json comment_row(const Comment& comment) {
  nlohmann::ordered_json row = {{"videoid", comment.video_id},
                                {"userid", comment.user_id},
                                {"created_at", plugin::iso_timestamp(comment.created_ms)},
                                {"commentid", comment.comment_id},
                                {"comment", comment.text}};
  row["sentiment_score"] = comment.sentiment ? nlohmann::ordered_json(*comment.sentiment) : nlohmann::ordered_json();
  return row;
}

Comment comment_from(const nlohmann::ordered_json& stored) {
  const auto id = stored.contains("commentid") ? text_of(stored, "commentid") : text_of(stored, "_id");
  return {id,
          text_of(stored, "videoid"),
          text_of(stored, "userid"),
          text_of(stored, "comment"),
          sentiment_of_row(stored),
          time_of(stored)};
}

}  // namespace killrvideo::comments_ratings

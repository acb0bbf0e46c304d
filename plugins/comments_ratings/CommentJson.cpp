#include "CommentJson.h"

namespace killrvideo::comments_ratings {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& text) { return text ? nlohmann::json(*text) : nullptr; }

}  // namespace

nlohmann::json comment_json(const Comment& comment, const std::map<std::string, AuthorName>& names) {
  const auto author = names.find(comment.user_id);
  const AuthorName name = author != names.end() ? author->second : AuthorName{};
  return {{"commentid", comment.comment_id},
          {"videoid", comment.video_id},
          {"userid", comment.user_id},
          {"comment", comment.text},
          {"sentiment_score", comment.sentiment ? nlohmann::json(*comment.sentiment) : nullptr},
          {"firstName", optional_text(name.first)},
          {"lastName", optional_text(name.last)}};
}

nlohmann::json comments_json(const std::vector<Comment>& comments, const AuthorNames& authors) {
  std::vector<std::string> user_ids;
  for (const auto& comment : comments) user_ids.push_back(comment.user_id);
  const auto names = authors.of(user_ids);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& comment : comments) items.push_back(comment_json(comment, names));
  return items;
}

}  // namespace killrvideo::comments_ratings

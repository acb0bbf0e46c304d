#include "CommentsRatingsImporters.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/Validation.h"

#include "CommentRoutes.h"
#include "CommentsRatingsTables.h"
#include "PublishedEvents.h"
#include "TimeUuid.h"

namespace killrvideo::comments_ratings {

namespace {

[[noreturn]] void bad_column(const std::string& column, const std::string& value, const std::string& expected) {
  throw std::invalid_argument("column '" + column + "' must be " + expected + ", got '" + value + "'");
}

const std::string& required(const plugin::ImportRow& row, const std::string& column) {
  const auto found = row.find(column);
  if (found == row.end() || found->second.empty()) throw std::invalid_argument("column '" + column + "' is missing");
  return found->second;
}

std::string lowercase_uuid(const plugin::ImportRow& row, const std::string& column) {
  std::string value = required(row, column);
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!plugin::is_canonical_uuid(value)) bad_column(column, row.at(column), "a UUID");
  return value;
}

std::optional<double> optional_number(const plugin::ImportRow& row, const std::string& column) {
  const auto found = row.find(column);
  if (found == row.end() || found->second.empty()) return std::nullopt;
  const std::string& text = found->second;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) bad_column(column, text, "a number");
  return value;
}

int rating_of(const plugin::ImportRow& row) {
  const std::string& text = required(row, "rating");
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 5) {
    bad_column("rating", text, "an integer from 1 to 5");
  }
  return value;
}

Comment comment_of(const plugin::ImportRow& row) {
  const std::string comment_id = lowercase_uuid(row, "commentid");
  const auto created_ms = timeuuid_epoch_ms(comment_id);
  if (!created_ms) bad_column("commentid", comment_id, "a time-based (version 1) UUID");
  const std::string& text = required(row, "comment");
  if (plugin::utf8_length(text) > kMaxCommentLength) {
    bad_column("comment", text.substr(0, 40) + "…", "at most " + std::to_string(kMaxCommentLength) + " characters");
  }
  return {comment_id, lowercase_uuid(row, "videoid"), lowercase_uuid(row, "userid"), text,
          optional_number(row, "sentiment_score"), *created_ms};
}

}  // namespace

void CommentsRatingsImporters::register_with(plugin::Registrar& registrar) {
  registrar.import("comments", [this](const plugin::ImportRow& row) { import_comment(row); });
  registrar.import("video_ratings_by_user", [this](const plugin::ImportRow& row) { import_rating(row); });
}

void CommentsRatingsImporters::import_comment(const plugin::ImportRow& row) const {
  const Comment comment = comment_of(row);
  if (!services_.comments.import(comment)) return;
  services_.host.events().publish(kCommentAddedTopic, comment_added_event(comment));
}

void CommentsRatingsImporters::import_rating(const plugin::ImportRow& row) const {
  const std::string video_id = lowercase_uuid(row, "videoid");
  const std::string user_id = lowercase_uuid(row, "userid");
  const int rating = rating_of(row);
  const std::string& date = required(row, "rating_date");
  const auto rated_ms = plugin::parse_iso_timestamp(date);
  if (!rated_ms) bad_column("rating_date", date, "an ISO-8601 timestamp");
  const RatingChange change = services_.ratings.rate(video_id, user_id, rating, *rated_ms);
  // Only a change is news: a re-run of the load publishes nothing, so no counter or activity moves.
  if (change.previous == rating) return;
  services_.host.events().publish(kVideoRatedTopic, rating_event(video_id, user_id, rating, change.previous, *rated_ms));
}

}  // namespace killrvideo::comments_ratings

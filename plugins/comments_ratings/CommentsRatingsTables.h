#pragma once
// The tables and collections the comments_ratings plugin owns, the tables it reads, and the event topics
// it publishes and consumes (README: Tables, Events).

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::comments_ratings {

inline constexpr const char* kCommentsTable = "comments";
inline constexpr const char* kCommentsByUserTable = "comments_by_user";
inline constexpr const char* kCommentsByIdCollection = "comments_by_id";
inline constexpr const char* kCommentCountsCollection = "comment_counts";
inline constexpr const char* kVideoRatingsCollection = "video_ratings";
inline constexpr const char* kVideoRatingsByUserCollection = "video_ratings_by_user";

inline constexpr const char* kCatalogPlugin = "catalog";
inline constexpr const char* kVideosTable = "videos";
inline constexpr const char* kAccountsPlugin = "accounts";
inline constexpr const char* kUsersTable = "users";

inline constexpr const char* kCommentAddedTopic = "comment.added";
inline constexpr const char* kCommentRemovedTopic = "comment.removed";
inline constexpr const char* kCommentRestoredTopic = "comment.restored";
inline constexpr const char* kVideoRatedTopic = "video.rated";
inline constexpr const char* kContentRemovedTopic = "moderation.content_removed";
inline constexpr const char* kContentRestoredTopic = "moderation.content_restored";

plugin::data::TableSpec comments_table();
plugin::data::TableSpec comments_by_user_table();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::comments_ratings

#pragma once
// The tables and collections the moderation plugin owns, the tables it reads, and the event topics it
// publishes and consumes (README: Tables, Events).

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::moderation {

inline constexpr const char* kFlagsCollection = "content_moderation";
inline constexpr const char* kFlagQueueTable = "flag_queue";
inline constexpr const char* kFlagCountsCollection = "flag_counts";
inline constexpr const char* kAuditTable = "moderation_audit";
inline constexpr const char* kAuditCountsCollection = "moderation_audit_counts";

inline constexpr const char* kCatalogPlugin = "catalog";
inline constexpr const char* kVideosTable = "videos";
inline constexpr const char* kCommentsRatingsPlugin = "comments_ratings";
inline constexpr const char* kCommentsByIdCollection = "comments_by_id";

inline constexpr const char* kContentRemovedTopic = "moderation.content_removed";
inline constexpr const char* kVideoRemovedTopic = "video.removed";
inline constexpr const char* kVideoRestoredTopic = "video.restored";
inline constexpr const char* kCommentRemovedTopic = "comment.removed";
inline constexpr const char* kCommentRestoredTopic = "comment.restored";

plugin::data::TableSpec flag_queue_table();
plugin::data::TableSpec audit_table();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::moderation

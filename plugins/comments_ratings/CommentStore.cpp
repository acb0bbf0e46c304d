#include "CommentStore.h"

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::FindOneAndUpdateOptions;
using plugin::data::FindOptions;
using plugin::data::ReturnDocument;

namespace {

constexpr const char* kHiddenField = "hidden";

// The comments_by_id document: the comment itself plus its visibility.
nlohmann::ordered_json record_of(const Comment& comment, bool hidden) {
  nlohmann::ordered_json record = comment_row(comment);
  record.erase("commentid");
  record[kHiddenField] = hidden;
  return record;
}

bool is_hidden(const nlohmann::ordered_json& record) {
  const auto hidden = record.find(kHiddenField);
  return hidden != record.end() && hidden->is_boolean() && hidden->get<bool>();
}

CollectionUpdate insert_only(const Comment& comment) {
  const nlohmann::ordered_json record = record_of(comment, false);
  CollectionUpdate update;
  for (const auto& [field, value] : record.items()) update.set_on_insert(field, value);
  return update;
}

Filter primary_key(const std::string& partition_column, const std::string& partition_key, const Comment& comment) {
  return Filter()
      .eq(partition_column, partition_key)
      .eq("created_at", plugin::iso_timestamp(comment.created_ms))
      .eq("commentid", comment.comment_id);
}

}  // namespace

CommentStore::CommentStore(plugin::DataClient& data)
    : by_video_(data, kCommentsTable),
      by_user_(data, kCommentsByUserTable),
      by_id_(data, kCommentsByIdCollection),
      counts_(data) {}

void CommentStore::add(const Comment& comment) const {
  nlohmann::ordered_json record = record_of(comment, false);
  record["_id"] = comment.comment_id;
  by_id_.insert_one(record);
  write_rows(comment);
  counts_.add(comment.video_id, comment.user_id, 1);
}

bool CommentStore::import(const Comment& comment) const {
  // Upserting with $setOnInsert and reading the document as it was tells, atomically, whether this run is
  // the first to see the comment: only that run counts it.
  const auto before = by_id_.find_one_and_update(Filter().eq("_id", comment.comment_id), insert_only(comment),
                                                 FindOneAndUpdateOptions().upsert().return_document(ReturnDocument::Before));
  const bool created = !before.document;
  if (!created && is_hidden(*before.document)) return false;
  // Rows are upserts: writing them again heals a run that stopped between the record and its rows.
  write_rows(comment);
  if (created) counts_.add(comment.video_id, comment.user_id, 1);
  return created;
}

std::optional<StoredComment> CommentStore::find(const std::string& comment_id) const {
  const auto document = by_id_.find_one(Filter().eq("_id", comment_id));
  if (!document) return std::nullopt;
  return StoredComment{comment_from(*document), is_hidden(*document)};
}

std::optional<Comment> CommentStore::hide(const std::string& comment_id) const {
  const auto before = by_id_.find_one_and_update(Filter().eq("_id", comment_id).eq(kHiddenField, false),
                                                 CollectionUpdate().set(kHiddenField, true),
                                                 FindOneAndUpdateOptions().return_document(ReturnDocument::Before));
  if (!before.document) return std::nullopt;
  const Comment comment = comment_from(*before.document);
  delete_rows(comment);
  counts_.add(comment.video_id, comment.user_id, -1);
  return comment;
}

std::optional<Comment> CommentStore::restore(const std::string& comment_id) const {
  const auto before = by_id_.find_one_and_update(Filter().eq("_id", comment_id).eq(kHiddenField, true),
                                                 CollectionUpdate().set(kHiddenField, false),
                                                 FindOneAndUpdateOptions().return_document(ReturnDocument::Before));
  if (!before.document) return std::nullopt;
  const Comment comment = comment_from(*before.document);
  write_rows(comment);
  counts_.add(comment.video_id, comment.user_id, 1);
  return comment;
}

std::vector<Comment> CommentStore::of_video(const std::string& video_id, std::int64_t offset, int count) const {
  return newest(by_video_, "videoid", video_id, offset, count);
}

std::vector<Comment> CommentStore::of_user(const std::string& user_id, std::int64_t offset, int count) const {
  return newest(by_user_, "userid", user_id, offset, count);
}

std::map<std::string, std::int64_t> CommentStore::count_rows() const {
  std::map<std::string, std::int64_t> counts;
  const auto rows = by_video_.find_all(Filter(), SIZE_MAX,
                                       FindOptions().projection(plugin::data::Projection::include({"videoid", "userid"})));
  for (const auto& row : rows.documents) {
    ++counts[CommentCounts::video_key(row.at("videoid").get<std::string>())];
    ++counts[CommentCounts::user_key(row.at("userid").get<std::string>())];
  }
  return counts;
}

void CommentStore::write_rows(const Comment& comment) const {
  const auto row = comment_row(comment);
  by_video_.insert_one(row);
  by_user_.insert_one(row);
}

void CommentStore::delete_rows(const Comment& comment) const {
  by_video_.delete_one(primary_key("videoid", comment.video_id, comment));
  by_user_.delete_one(primary_key("userid", comment.user_id, comment));
}

std::vector<Comment> CommentStore::newest(const plugin::data::Table& table, const std::string& partition_column,
                                          const std::string& partition_key, std::int64_t offset, int count) const {
  // One partition read in clustering order (newest first): the server pages it, and `limit` stops it
  // after the last row of the page asked for.
  const auto wanted = static_cast<std::size_t>(offset) + static_cast<std::size_t>(count);
  const auto rows = table.find_all(Filter().eq(partition_column, partition_key), wanted,
                                   FindOptions().limit(static_cast<int>(wanted)));
  std::vector<Comment> page;
  for (std::size_t i = static_cast<std::size_t>(offset); i < rows.documents.size(); ++i) {
    page.push_back(comment_from(rows.documents[i]));
  }
  return page;
}

}  // namespace killrvideo::comments_ratings

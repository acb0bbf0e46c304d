#pragma once
// Where comments live. Each comment is written three times, each copy answering one question:
//   comments          (partition videoid, newest first)  — the comments of a video
//   comments_by_user  (partition userid, newest first)   — the comments of a user
//   comments_by_id    (collection, _id = commentid)      — one comment by id, and whether it is hidden
// A hidden comment (removed by moderation) leaves both tables and stays in comments_by_id, so listings
// never step over it and a restore can put it back. Counts follow every change (CommentCounts).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/data/Table.h"

#include "Comment.h"
#include "CommentCounts.h"

namespace killrvideo::comments_ratings {

struct StoredComment {
  Comment comment;
  bool hidden = false;
};

class CommentStore {
 public:
  explicit CommentStore(plugin::DataClient& data);

  // A new comment (a fresh id): every copy, then both counts.
  void add(const Comment& comment) const;
  // A comment of the export: written once however often the import runs; a hidden one stays hidden.
  // True when this call created it.
  bool import(const Comment& comment) const;

  std::optional<StoredComment> find(const std::string& comment_id) const;
  // Visible → hidden and hidden → visible. Each transition happens once however many callers race for
  // it; the comment is returned only to the caller that made it happen.
  std::optional<Comment> hide(const std::string& comment_id) const;
  std::optional<Comment> restore(const std::string& comment_id) const;

  // Newest first, rows [offset, offset + count) of the partition: reads offset + count rows, never more.
  std::vector<Comment> of_video(const std::string& video_id, std::int64_t offset, int count) const;
  std::vector<Comment> of_user(const std::string& user_id, std::int64_t offset, int count) const;

  // Visible comments by CommentCounts key, counted from the rows of `comments` (reads the whole table).
  std::map<std::string, std::int64_t> count_rows() const;

  const CommentCounts& counts() const noexcept { return counts_; }

 private:
  void write_rows(const Comment& comment) const;
  void delete_rows(const Comment& comment) const;
  std::vector<Comment> newest(const plugin::data::Table& table, const std::string& partition_column,
                              const std::string& partition_key, std::int64_t offset, int count) const;

  plugin::data::Table by_video_;
  plugin::data::Table by_user_;
  plugin::data::Collection by_id_;
  CommentCounts counts_;
};

}  // namespace killrvideo::comments_ratings

#include "CommentsRatingsTables.h"

#include "killrvideo/plugin/data/Schema.h"

namespace killrvideo::comments_ratings {

using plugin::data::CollectionSpec;
using plugin::data::SortOrder;
using plugin::data::TableSpec;

namespace {

// The columns both comment tables carry: the same comment is written to each (denormalisation).
TableSpec with_comment_columns(TableSpec spec) {
  return spec.column("videoid", "uuid")
      .column("userid", "uuid")
      .column("created_at", "timestamp")
      .column("commentid", "uuid")
      .column("comment", "text")
      .column("sentiment_score", "float");
}

}  // namespace

TableSpec comments_table() {
  // One partition per video, newest first. created_at is the comment id's own time: tables refuse the
  // timeuuid type and order uuid columns as text, so the time that orders them is a clustering column.
  return with_comment_columns(TableSpec(kCommentsTable))
      .partition_by({"videoid"})
      .partition_sort("created_at", SortOrder::Descending)
      .partition_sort("commentid", SortOrder::Descending);
}

TableSpec comments_by_user_table() {
  return with_comment_columns(TableSpec(kCommentsByUserTable))
      .partition_by({"userid"})
      .partition_sort("created_at", SortOrder::Descending)
      .partition_sort("commentid", SortOrder::Descending);
}

void declare_tables(plugin::Registrar& registrar) {
  plugin::data::own(registrar, comments_table());
  plugin::data::own(registrar, comments_by_user_table());
  // Collections, because what they hold changes under concurrency: findOneAndUpdate and $inc are atomic,
  // a table's read-modify-write is not (design §4).
  plugin::data::own(registrar, CollectionSpec(kCommentsByIdCollection));
  plugin::data::own(registrar, CollectionSpec(kCommentCountsCollection));
  plugin::data::own(registrar, CollectionSpec(kVideoRatingsCollection));
  plugin::data::own(registrar, CollectionSpec(kVideoRatingsByUserCollection));
  registrar.read_table(kCatalogPlugin, kVideosTable);
  registrar.read_table(kAccountsPlugin, kUsersTable);
}

}  // namespace killrvideo::comments_ratings

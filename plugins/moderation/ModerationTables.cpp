#include "ModerationTables.h"

#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/Schema.h"

namespace killrvideo::moderation {

using plugin::data::CollectionSpec;
using plugin::data::SortOrder;
using plugin::data::TableSpec;

TableSpec flag_queue_table() {
  // One partition per queue ("all" or a status) and UTC day of flagging, newest first: a page of the
  // moderator's queue reads the partitions where it lies, never the whole queue.
  return TableSpec(kFlagQueueTable)
      .column("queue", "text")
      .column("day", "date")
      .column("created_at", "timestamp")
      .column("flagid", "uuid")
      .partition_by({"queue", "day"})
      .partition_sort("created_at", SortOrder::Descending)
      .partition_sort("flagid", SortOrder::Descending);
}

TableSpec audit_table() {
  // Append-only: one partition per moderated content, newest entry first.
  return TableSpec(kAuditTable)
      .column("contentid", "uuid")
      .column("at", "timestamp")
      .column("entryid", "uuid")
      .column("content_type", "text")
      .column("action", "text")
      .column("actor", "uuid")
      .column("flagid", "uuid")
      .column("details", "text")
      .partition_by({"contentid"})
      .partition_sort("at", SortOrder::Descending)
      .partition_sort("entryid", SortOrder::Descending);
}

void declare_tables(plugin::Registrar& registrar) {
  // Flags are a collection: a status change is a findOneAndUpdate filtered on the status it leaves, so two
  // moderators acting at once cannot both win (design §4).
  plugin::data::own(registrar, CollectionSpec(kFlagsCollection));
  plugin::data::own(registrar, flag_queue_table());
  plugin::data::own(registrar, CollectionSpec(kFlagCountsCollection));
  plugin::data::own(registrar, audit_table());
  plugin::data::own(registrar, CollectionSpec(kAuditCountsCollection));
  registrar.read_table(kCatalogPlugin, kVideosTable);
  registrar.read_table(kCommentsRatingsPlugin, kCommentsByIdCollection);
}

}  // namespace killrvideo::moderation

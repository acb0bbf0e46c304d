#include "SearchTables.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/Schema.h"

#include "CatalogTables.h"

namespace killrvideo::search {

using plugin::data::ColumnType;
using plugin::data::SortOrder;
using plugin::data::TableSpec;

TableSpec video_text_table() {
  // One partition per video: the indexer rewrites a video's row by its key, and a search reads the ids
  // the text index ranks.
  return TableSpec(kVideoTextTable)
      .column("videoid", "uuid")
      .column(kVideoTextColumn, "text")
      .column("tags", ColumnType::set("text"))
      .partition_by({"videoid"})
      .text_index(kVideoTextIndex, kVideoTextColumn, "english");
}

TableSpec tag_grams_table() {
  // A partition per piece, clustered by tag: the tags containing a piece come back already alphabetical,
  // and a suggestion reads only as far as its limit.
  return TableSpec(kTagGramsTable)
      .column("gram", "text")
      .column("tag", "text")
      .partition_by({"gram"})
      .partition_sort("tag", SortOrder::Ascending);
}

void declare_tables(plugin::Registrar& registrar) {
  plugin::data::own(registrar, video_text_table());
  plugin::data::own(registrar, tag_grams_table());
  registrar.own_collection(kTagCountsCollection, nlohmann::ordered_json::object());
  registrar.read_table("catalog", catalog::kVideosTable);
  registrar.read_table("catalog", catalog::kVideoStatsCollection);
}

}  // namespace killrvideo::search

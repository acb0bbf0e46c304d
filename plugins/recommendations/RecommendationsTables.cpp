#include "RecommendationsTables.h"

#include "killrvideo/plugin/data/Schema.h"

#include "CatalogTables.h"

namespace killrvideo::recommendations {

using plugin::data::ColumnType;
using plugin::data::TableSpec;

TableSpec user_preferences_table(std::size_t embedding_dimension) {
  // One partition per user: the feed reads the caller's row by its key and nothing else of this table.
  return TableSpec(kUserPreferencesTable)
      .column("userid", "uuid")
      .column("preference_vector", ColumnType::vector(static_cast<int>(embedding_dimension)))
      .column("tag_preferences", ColumnType::map("text", "float"))
      .column("watched_videos", ColumnType::set("uuid"))
      .column("last_updated", "timestamp")
      .partition_by({"userid"});
}

void declare_tables(plugin::Registrar& registrar, std::size_t embedding_dimension) {
  plugin::data::own(registrar, user_preferences_table(embedding_dimension));
  registrar.read_table("catalog", catalog::kVideosTable);
  registrar.read_table("catalog", catalog::kLatestVideosTable);
  registrar.read_table("catalog", catalog::kVideoStatsCollection);
}

}  // namespace killrvideo::recommendations

#include "CatalogTables.h"

#include "killrvideo/plugin/data/Schema.h"

namespace killrvideo::catalog {

using plugin::data::ColumnType;
using plugin::data::SortOrder;
using plugin::data::TableSpec;

TableSpec videos_table(std::size_t embedding_dimension, const std::optional<plugin::VectorizeService>& vectorize) {
  const int dimension = static_cast<int>(embedding_dimension);
  // One partition per video: every detail read is a point read by its key. The listings have tables of
  // their own (VideoFeeds); the secondary indexes serve other readers' filters on uploader and tag.
  return TableSpec(kVideosTable)
      .column("videoid", "uuid")
      .column("userid", "uuid")
      .column("added_date", "timestamp")
      .column("name", "text")
      .column("description", "text")
      .column("location", "text")
      .column("location_type", "int")
      .column("preview_image_location", "text")
      .column("tags", ColumnType::set("text"))
      .column("content_rating", "text")
      .column("category", "text")
      .column("language", "text")
      .column("status", "text")
      .column("youtube_video_id", "text")
      .column("updated_at", "timestamp")
      .column("content_features", vectorize ? ColumnType::vector(dimension, *vectorize) : ColumnType::vector(dimension))
      .partition_by({"videoid"})
      .index("videos_userid_idx", "userid")
      .index("videos_tags_idx", "tags")
      .vector_index(kContentFeaturesIndex, "content_features", plugin::data::VectorMetric::Cosine);
}

TableSpec latest_videos_table() {
  // Time-bucketed: one partition per UTC day, rows clustered newest first, so "what was added that day"
  // is one ordered partition read and no partition grows without bound.
  return TableSpec(kLatestVideosTable)
      .column("day", "date")
      .column("added_date", "timestamp")
      .column("videoid", "uuid")
      .column("name", "text")
      .column("preview_image_location", "text")
      .column("userid", "uuid")
      .column("content_rating", "text")
      .column("category", "text")
      .partition_by({"day"})
      .partition_sort("added_date", SortOrder::Descending)
      .partition_sort("videoid", SortOrder::Ascending);
}

TableSpec videos_by_tag_table() {
  // One partition per tag and UTC day: a popular tag spreads over days instead of growing one partition.
  return TableSpec(kVideosByTagTable)
      .column("tag", "text")
      .column("day", "date")
      .column("added_date", "timestamp")
      .column("videoid", "uuid")
      .partition_by({"tag", "day"})
      .partition_sort("added_date", SortOrder::Descending)
      .partition_sort("videoid", SortOrder::Ascending);
}

TableSpec videos_by_uploader_table() {
  return TableSpec(kVideosByUploaderTable)
      .column("userid", "uuid")
      .column("day", "date")
      .column("added_date", "timestamp")
      .column("videoid", "uuid")
      .partition_by({"userid", "day"})
      .partition_sort("added_date", SortOrder::Descending)
      .partition_sort("videoid", SortOrder::Ascending);
}

void declare_tables(plugin::Registrar& registrar, const plugin::Embedder& embedder) {
  plugin::data::own(registrar, videos_table(embedder.dimension(), embedder.vectorize_service()));
  plugin::data::own(registrar, latest_videos_table());
  plugin::data::own(registrar, videos_by_tag_table());
  plugin::data::own(registrar, videos_by_uploader_table());
  // Tables have no counters; collection documents take atomic $inc (design §4).
  plugin::data::own(registrar, plugin::data::CollectionSpec(kVideoStatsCollection));
  plugin::data::own(registrar, plugin::data::CollectionSpec(kFeedCountsCollection));
  plugin::data::own(registrar, plugin::data::CollectionSpec(kVideoViewsByDayCollection));
  plugin::data::own(registrar, plugin::data::CollectionSpec(kVideoRemovalsCollection));
}

}  // namespace killrvideo::catalog

#pragma once
// The tables and the collection the catalog owns (api-contract §6, design §4).

#include <cstddef>
#include <optional>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::catalog {

inline constexpr const char* kVideosTable = "videos";
inline constexpr const char* kLatestVideosTable = "latest_videos";
inline constexpr const char* kVideosByTagTable = "videos_by_tag";
inline constexpr const char* kVideosByUploaderTable = "videos_by_uploader";
inline constexpr const char* kVideoStatsCollection = "video_stats";
inline constexpr const char* kFeedCountsCollection = "feed_counts";
inline constexpr const char* kVideoViewsByDayCollection = "video_views_by_day";
inline constexpr const char* kVideoRemovalsCollection = "video_removals";
// Search and recommendations sort by this index; its name is part of what they rely on.
inline constexpr const char* kContentFeaturesIndex = "videos_content_features_idx";

// `embedding_dimension` is the host embedder's: the vector column must match what it produces.
// `vectorize`: the database embeds content_features from text with this service (Embedder::vectorize_service).
plugin::data::TableSpec videos_table(std::size_t embedding_dimension,
                                     const std::optional<plugin::VectorizeService>& vectorize = std::nullopt);
plugin::data::TableSpec latest_videos_table();
plugin::data::TableSpec videos_by_tag_table();
plugin::data::TableSpec videos_by_uploader_table();

void declare_tables(plugin::Registrar& registrar, const plugin::Embedder& embedder);

}  // namespace killrvideo::catalog

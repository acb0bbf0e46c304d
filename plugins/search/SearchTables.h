#pragma once
// The tables and collection the search plugin owns, and the catalog's tables it reads (design §5).

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::search {

// One row per searchable (READY) video: its words for the text index, and its tags as counted.
inline constexpr const char* kVideoTextTable = "video_text";
inline constexpr const char* kVideoTextColumn = "search_text";
inline constexpr const char* kVideoTextIndex = "video_text_search_idx";
// Tag suggestions: every 1-, 2- and 3-byte piece of a lowercased tag → the tags containing it, in order.
inline constexpr const char* kTagGramsTable = "tag_grams";
// `_id` = tag, `videos` = how many searchable videos carry it (moved by $inc).
inline constexpr const char* kTagCountsCollection = "tag_counts";

plugin::data::TableSpec video_text_table();
plugin::data::TableSpec tag_grams_table();

// Owns video_text, tag_grams and tag_counts; reads the catalog's videos and video_stats.
void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::search

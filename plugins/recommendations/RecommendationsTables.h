#pragma once
// The table the recommendations plugin owns, and the catalog's tables it reads (design §5).

#include <cstddef>

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::recommendations {

inline constexpr const char* kUserPreferencesTable = "user_preferences";

// `embedding_dimension` is the host embedder's, the dimension of `videos.content_features`: the preference
// vector is a sum of those vectors and is sent as an ANN query against them.
plugin::data::TableSpec user_preferences_table(std::size_t embedding_dimension);

// Owns `user_preferences`; reads the catalog's `videos`, `latest_videos` and `video_stats`.
void declare_tables(plugin::Registrar& registrar, std::size_t embedding_dimension);

}  // namespace killrvideo::recommendations

#pragma once
// What is stored in `videos.content_features`: the embedding of what a viewer reads about a video — made by
// the host's embedder, or, when the database embeds (Embedder::vectorize_service), the text itself.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::catalog {

// title, description and the space-joined tags, one per line; empty parts are left out.
std::string content_text(const std::string& title, const std::string& description, const std::vector<std::string>& tags);

// The column's value: content_text as a vector, or as the text for a database that embeds it; none when
// the text is empty or the embedder fails: a video without a vector is still a video (search simply does
// not find it), so the failure is logged and the write goes on.
std::optional<nlohmann::ordered_json> content_features(plugin::Embedder& embedder, plugin::Logger& log,
                                                       const std::string& title, const std::string& description,
                                                       const std::vector<std::string>& tags);

// Many content_texts at once (a bulk import), in as few provider requests as the provider allows: one
// result per text, in order; none for an empty text or one the embedder failed on (logged).
std::vector<std::optional<std::vector<float>>> embed_contents(plugin::Embedder& embedder, plugin::Logger& log,
                                                              const std::vector<std::string>& texts);

}  // namespace killrvideo::catalog

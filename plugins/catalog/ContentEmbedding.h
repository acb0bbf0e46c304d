#pragma once
// The vector stored in `videos.content_features`: the embedding of what a viewer reads about a video.

#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::catalog {

// title, description and the space-joined tags, one per line; empty parts are left out.
std::string content_text(const std::string& title, const std::string& description, const std::vector<std::string>& tags);

// The embedding of content_text, or none when the embedder fails: a video without a vector is still a
// video (search simply does not find it), so the failure is logged and the write goes on.
std::optional<std::vector<float>> embed_content(plugin::Embedder& embedder, plugin::Logger& log,
                                                const std::string& title, const std::string& description,
                                                const std::vector<std::string>& tags);

// Many content_texts at once (a bulk import), in as few provider requests as the provider allows: one
// result per text, in order; none for an empty text or one the embedder failed on (logged).
std::vector<std::optional<std::vector<float>>> embed_contents(plugin::Embedder& embedder, plugin::Logger& log,
                                                              const std::vector<std::string>& texts);

}  // namespace killrvideo::catalog

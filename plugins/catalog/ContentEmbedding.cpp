#include "ContentEmbedding.h"

namespace killrvideo::catalog {

namespace {

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

}  // namespace

std::string content_text(const std::string& title, const std::string& description,
                         const std::vector<std::string>& tags) {
  return joined({title, description, joined(tags, " ")}, "\n");
}

std::optional<std::vector<float>> embed_content(plugin::Embedder& embedder, plugin::Logger& log,
                                                const std::string& title, const std::string& description,
                                                const std::vector<std::string>& tags) {
  const std::string text = content_text(title, description, tags);
  if (text.empty()) return std::nullopt;
  plugin::Embedding embedding = embedder.embed(text);
  if (!embedding.error.empty()) {
    log.error("catalog: content_features left empty, the embedder failed: " + embedding.error);
    return std::nullopt;
  }
  return std::move(embedding.vector);
}

}  // namespace killrvideo::catalog

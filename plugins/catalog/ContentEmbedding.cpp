#include "ContentEmbedding.h"

#include "killrvideo/plugin/data/Vectors.h"

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

std::optional<nlohmann::ordered_json> content_features(plugin::Embedder& embedder, plugin::Logger& log,
                                                       const std::string& title, const std::string& description,
                                                       const std::vector<std::string>& tags) {
  std::string text = content_text(title, description, tags);
  if (text.empty()) return std::nullopt;
  if (embedder.vectorize_service()) return nlohmann::ordered_json(std::move(text));
  plugin::Embedding embedding = embedder.embed(text);
  if (!embedding.error.empty()) {
    log.error("catalog: content_features left empty, the embedder failed: " + embedding.error);
    return std::nullopt;
  }
  return plugin::data::vector_to_json(embedding.vector);
}

}  // namespace killrvideo::catalog

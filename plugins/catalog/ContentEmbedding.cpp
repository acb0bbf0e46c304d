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

std::vector<std::optional<std::vector<float>>> embed_contents(plugin::Embedder& embedder, plugin::Logger& log,
                                                              const std::vector<std::string>& texts) {
  std::vector<std::string> non_empty;
  for (const auto& text : texts) {
    if (!text.empty()) non_empty.push_back(text);
  }
  std::vector<plugin::Embedding> embeddings = non_empty.empty() ? std::vector<plugin::Embedding>{}
                                                                : embedder.embed_documents(non_empty);
  std::vector<std::optional<std::vector<float>>> vectors(texts.size());
  auto embedding = embeddings.begin();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) continue;
    if (embedding == embeddings.end()) {
      log.error("catalog: content_features left empty, the embedder answered fewer vectors than texts");
      break;
    }
    if (embedding->error.empty()) {
      vectors[i] = std::move(embedding->vector);
    } else {
      log.error("catalog: content_features left empty, the embedder failed: " + embedding->error);
    }
    ++embedding;
  }
  return vectors;
}

}  // namespace killrvideo::catalog

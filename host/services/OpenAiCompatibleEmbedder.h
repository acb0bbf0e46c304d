#pragma once
// The `openai-compatible` provider (design §7): texts go to any server that speaks OpenAI's
// POST /v1/embeddings — an NVIDIA NIM serving NV-Embed-QA, OpenAI itself, vLLM, Ollama, LocalAI — in
// batches, over pooled keep-alive connections. Every answer is checked against the configured dimension
// before a vector leaves this class. The API key is sent as a bearer token and appears in no message.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "config/Config.h"
#include "httpclient/RetryPolicy.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

namespace httpclient {
class HttpTransport;
struct HttpOutcome;
}  // namespace httpclient

// Read when embedding.api_key is empty, so the key need not be written in a file.
inline constexpr const char* kEmbeddingApiKeyVariable = "KILLRVIDEO_EMBEDDING_API_KEY";

class OpenAiCompatibleEmbedder final : public plugin::Embedder {
 public:
  // Throws std::invalid_argument naming the embedding.* key when the config is unusable (no base_url, not
  // http(s), no model). Retries wait `first_backoff`, then up to twice as long each time (with jitter).
  explicit OpenAiCompatibleEmbedder(const EmbeddingConfig& config,
                                    std::chrono::milliseconds first_backoff = std::chrono::milliseconds(250));
  ~OpenAiCompatibleEmbedder() override;
  OpenAiCompatibleEmbedder(const OpenAiCompatibleEmbedder&) = delete;
  OpenAiCompatibleEmbedder& operator=(const OpenAiCompatibleEmbedder&) = delete;

  std::size_t dimension() const noexcept override { return dimension_; }
  plugin::Embedding embed(std::string_view text) noexcept override;
  plugin::Embedding embed_query(std::string_view text) noexcept override;
  std::vector<plugin::Embedding> embed_documents(const std::vector<std::string>& texts) noexcept override;

  // {base_url}/v1/embeddings.
  const std::string& url() const noexcept { return url_; }

 private:
  std::vector<plugin::Embedding> embed_all(const std::vector<std::string>& texts, const std::string& input_type);
  // Embeds texts[positions...] in one request and fills their results.
  void embed_batch(const std::vector<std::string>& texts, const std::vector<std::size_t>& positions,
                   const std::string& input_type, std::vector<plugin::Embedding>& results);
  httpclient::HttpOutcome post_with_retries(const std::string& body, int& attempts);
  std::string failure_message(const httpclient::HttpOutcome& outcome, int attempts) const;

  std::size_t dimension_;
  std::string url_;
  std::string model_;
  std::string api_key_;
  std::string query_input_type_;
  std::string document_input_type_;
  std::string truncate_;
  std::size_t batch_size_;
  std::chrono::milliseconds timeout_;
  httpclient::RetryPolicy retry_;
  std::unique_ptr<httpclient::HttpTransport> transport_;
};

}  // namespace killrvideo::host

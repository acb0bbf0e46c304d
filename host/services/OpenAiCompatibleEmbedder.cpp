#include "services/OpenAiCompatibleEmbedder.h"

#include <random>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "httpclient/HttpTransport.h"
#include "httpclient/SecretRedaction.h"
#include "services/EmbeddingsAnswer.h"

namespace killrvideo::host {

namespace {

using httpclient::HttpOutcome;
using httpclient::TransportFailure;

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Clients of the OpenAI API are often given a base URL that already ends in /v1; both forms work.
std::string embeddings_url(std::string base_url) {
  while (ends_with(base_url, "/")) base_url.pop_back();
  if (ends_with(base_url, "/v1")) base_url.resize(base_url.size() - 3);
  return base_url + "/v1/embeddings";
}

void check_config(const EmbeddingConfig& config) {
  if (config.base_url.empty()) {
    throw std::invalid_argument("embedding.base_url is missing: the server root, e.g. http://localhost:8000 for a "
                                "local NIM or https://integrate.api.nvidia.com");
  }
  if (!starts_with(config.base_url, "https://") && !starts_with(config.base_url, "http://")) {
    throw std::invalid_argument("embedding.base_url '" + config.base_url + "' must start with https:// or http://");
  }
  if (config.model.empty()) {
    throw std::invalid_argument("embedding.model is missing: the model name the server expects, e.g. "
                                "nvidia/nv-embedqa-e5-v5");
  }
  if (config.dimension <= 0 || config.batch_size <= 0 || config.timeout_ms <= 0 || config.max_attempts <= 0) {
    throw std::invalid_argument("embedding.dimension, batch_size, timeout_ms and max_attempts must be positive");
  }
}

std::vector<std::string> request_headers(const std::string& api_key) {
  std::vector<std::string> headers = {"Content-Type: application/json", "Accept: application/json",
                                      "User-Agent: killrvideo-cpp/" KILLRVIDEO_VERSION " " +
                                          httpclient::curl_product_token()};
  // Local servers (a NIM on the same machine, Ollama) need no key.
  if (!api_key.empty()) headers.push_back("Authorization: Bearer " + api_key);
  return headers;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Worth another try: the server said it is busy or broken, or the answer never came. A 4xx other than 429
// would be refused again.
bool worth_retrying(const HttpOutcome& outcome) {
  switch (outcome.failure) {
    case TransportFailure::Unreachable:
    case TransportFailure::Dropped:
    case TransportFailure::Timeout:
      return true;
    case TransportFailure::None:
      return outcome.status == 429 || outcome.status >= 500;
    case TransportFailure::Other:
      return false;
  }
  return false;
}

std::mt19937_64& jitter_source() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return random;
}

std::string attempts_note(int attempts) {
  return attempts == 1 ? std::string() : " (after " + std::to_string(attempts) + " attempts)";
}

}  // namespace

OpenAiCompatibleEmbedder::OpenAiCompatibleEmbedder(const EmbeddingConfig& config,
                                                   std::chrono::milliseconds first_backoff)
    : dimension_(static_cast<std::size_t>(config.dimension)),
      model_(config.model),
      api_key_(config.api_key),
      query_input_type_(config.query_input_type),
      document_input_type_(config.document_input_type),
      truncate_(config.truncate),
      batch_size_(static_cast<std::size_t>(config.batch_size)),
      timeout_(config.timeout_ms),
      retry_{config.max_attempts, first_backoff, first_backoff * 16} {
  check_config(config);
  url_ = embeddings_url(config.base_url);
  transport_ = std::make_unique<httpclient::HttpTransport>(request_headers(api_key_), timeout_);
}

OpenAiCompatibleEmbedder::~OpenAiCompatibleEmbedder() = default;

plugin::Embedding OpenAiCompatibleEmbedder::embed(std::string_view text) noexcept {
  try {
    return std::move(embed_all({std::string(text)}, document_input_type_).front());
  } catch (const std::exception& e) {
    return {{}, e.what()};
  }
}

plugin::Embedding OpenAiCompatibleEmbedder::embed_query(std::string_view text) noexcept {
  try {
    return std::move(embed_all({std::string(text)}, query_input_type_).front());
  } catch (const std::exception& e) {
    return {{}, e.what()};
  }
}

std::vector<plugin::Embedding> OpenAiCompatibleEmbedder::embed_documents(const std::vector<std::string>& texts) noexcept {
  try {
    return embed_all(texts, document_input_type_);
  } catch (const std::exception& e) {
    return std::vector<plugin::Embedding>(texts.size(), plugin::Embedding{{}, e.what()});
  }
}

std::vector<plugin::Embedding> OpenAiCompatibleEmbedder::embed_all(const std::vector<std::string>& texts,
                                                                   const std::string& input_type) {
  std::vector<plugin::Embedding> results(texts.size());
  std::vector<std::size_t> batch;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    // Servers refuse an empty input and would fail the whole batch with it.
    if (is_blank(texts[i])) {
      results[i].error = "Cannot generate embedding for empty text";
      continue;
    }
    batch.push_back(i);
    if (batch.size() == batch_size_) {
      embed_batch(texts, batch, input_type, results);
      batch.clear();
    }
  }
  if (!batch.empty()) embed_batch(texts, batch, input_type, results);
  return results;
}

void OpenAiCompatibleEmbedder::embed_batch(const std::vector<std::string>& texts,
                                           const std::vector<std::size_t>& positions, const std::string& input_type,
                                           std::vector<plugin::Embedding>& results) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const std::size_t position : positions) inputs.push_back(texts[position]);
  nlohmann::json request = {{"model", model_}, {"input", std::move(inputs)}, {"encoding_format", "float"}};
  if (!input_type.empty()) request["input_type"] = input_type;
  if (!truncate_.empty()) request["truncate"] = truncate_;
  const auto fail_all = [&](const std::string& message) {
    for (const std::size_t position : positions) results[position].error = message;
  };

  std::string body;
  try {
    body = request.dump();
  } catch (const nlohmann::json::exception&) {
    fail_all("Cannot generate embedding: the text is not valid UTF-8");
    return;
  }
  int attempts = 0;
  const HttpOutcome outcome = post_with_retries(body, attempts);
  if (outcome.failure != TransportFailure::None || outcome.status < 200 || outcome.status > 299) {
    fail_all(failure_message(outcome, attempts));
    return;
  }
  try {
    auto vectors = read_embeddings_answer(outcome.body, positions.size(), dimension_);
    for (std::size_t i = 0; i < positions.size(); ++i) results[positions[i]].vector = std::move(vectors[i]);
  } catch (const EmbeddingsAnswerError& e) {
    fail_all(httpclient::redact("embedding server " + url_ + " (model '" + model_ + "'): " + e.what(), api_key_));
  }
}

HttpOutcome OpenAiCompatibleEmbedder::post_with_retries(const std::string& body, int& attempts) {
  attempts = 1;
  HttpOutcome outcome = transport_->post(url_, body);
  while (worth_retrying(outcome) && attempts < retry_.max_attempts) {
    std::this_thread::sleep_for(httpclient::backoff_delay(retry_, attempts - 1, jitter_source()));
    ++attempts;
    outcome = transport_->post(url_, body);
  }
  return outcome;
}

std::string OpenAiCompatibleEmbedder::failure_message(const HttpOutcome& outcome, int attempts) const {
  const std::string where = "embedding server " + url_;
  std::string message;
  switch (outcome.failure) {
    case TransportFailure::None: {
      message = where + " answered HTTP " + std::to_string(outcome.status) + attempts_note(attempts) + ": " +
                error_message_of(outcome.body);
      if (outcome.status == 401 || outcome.status == 403) {
        message += std::string(" (check embedding.api_key or ") + kEmbeddingApiKeyVariable + ")";
      } else if (outcome.status == 404) {
        message += " (check embedding.base_url and embedding.model)";
      }
      break;
    }
    case TransportFailure::Timeout:
      message = where + " did not answer within " + std::to_string(timeout_.count()) + " ms (embedding.timeout_ms)" +
                attempts_note(attempts);
      break;
    case TransportFailure::Unreachable:
      message = "cannot connect to " + where + attempts_note(attempts) + ": " + outcome.detail;
      break;
    case TransportFailure::Dropped:
      message = where + " closed the connection without answering" + attempts_note(attempts) + ": " + outcome.detail;
      break;
    case TransportFailure::Other:
      message = where + " could not be reached: " + outcome.detail;
      break;
  }
  return httpclient::redact(message, api_key_);
}

}  // namespace killrvideo::host

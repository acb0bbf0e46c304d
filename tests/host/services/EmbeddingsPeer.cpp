#include "tests/host/services/EmbeddingsPeer.h"

#include <cmath>
#include <cstdint>
#include <thread>

namespace killrvideo::testing {

namespace {

using json = nlohmann::json;

plugin::Response openai_error(int status, const std::string& message, const std::string& code) {
  return json_reply(status, json{{"error", {{"message", message}, {"type", "invalid_request_error"}, {"code", code}}}}
                                .dump());
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

EmbeddingsPeer::EmbeddingsPeer(std::size_t dimension, std::string api_key)
    : api_key_(std::move(api_key)),
      dimension_(dimension),
      peer_([this](const host::IncomingRequest& request) { return answer(request); }) {}

void EmbeddingsPeer::fail_next(int count, int status, const std::string& body) {
  const std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) troubles_.push_back({status, body, {}});
}

void EmbeddingsPeer::delay_next(int count, std::chrono::milliseconds delay) {
  const std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) troubles_.push_back({0, {}, delay});
}

void EmbeddingsPeer::answer_dimension(std::size_t dimension) {
  const std::lock_guard lock(mutex_);
  dimension_ = dimension;
}

std::vector<json> EmbeddingsPeer::bodies() const {
  std::vector<json> bodies;
  for (const auto& request : peer_.requests()) bodies.push_back(json::parse(request.body, nullptr, false));
  for (auto& body : bodies) {
    if (body.is_discarded()) body = nullptr;
  }
  return bodies;
}

std::vector<float> EmbeddingsPeer::vector_for(const std::string& text, std::size_t dimension) {
  std::uint64_t state = fnv1a(text);
  std::vector<double> components(dimension);
  double squares = 0.0;
  for (double& x : components) {
    x = static_cast<double>(splitmix(state) >> 11) / static_cast<double>(1ULL << 53) * 2.0 - 1.0;
    squares += x * x;
  }
  std::vector<float> vector;
  vector.reserve(dimension);
  for (const double x : components) vector.push_back(static_cast<float>(x / std::sqrt(squares)));
  return vector;
}

plugin::Response EmbeddingsPeer::answer(const host::IncomingRequest& request) {
  Trouble trouble;
  std::size_t dimension = 0;
  {
    const std::lock_guard lock(mutex_);
    if (!troubles_.empty()) {
      trouble = troubles_.front();
      troubles_.pop_front();
    }
    dimension = dimension_;
  }
  std::this_thread::sleep_for(trouble.delay);
  if (trouble.status != 0) return json_reply(trouble.status, trouble.body);

  if (request.method != "POST" || request.raw_path != "/v1/embeddings") {
    return openai_error(404, "Unknown request URL: " + request.method + " " + request.raw_path, "unknown_url");
  }
  if (!api_key_.empty()) {
    const auto authorization = request.header("Authorization");
    if (!authorization || *authorization != "Bearer " + api_key_) {
      // As OpenAI does: the refusal quotes the key it was given.
      const std::string given = authorization ? std::string(authorization->substr(authorization->find(' ') + 1)) : "";
      return openai_error(401, "Incorrect API key provided: " + given + ".", "invalid_api_key");
    }
  }
  const json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return openai_error(400, "The body is not a JSON object.", "invalid_json");
  return embeddings(body, dimension);
}

plugin::Response EmbeddingsPeer::embeddings(const json& request, std::size_t dimension) const {
  if (!request.contains("model") || !request["model"].is_string() || request["model"].get<std::string>().empty()) {
    return openai_error(400, "you must provide a model parameter", "missing_model");
  }
  std::vector<std::string> inputs;
  const json input = request.value("input", json());
  if (input.is_string()) {
    inputs.push_back(input.get<std::string>());
  } else if (input.is_array()) {
    for (const auto& item : input) {
      if (!item.is_string()) return openai_error(400, "'input' must be a string or an array of strings", "bad_input");
      inputs.push_back(item.get<std::string>());
    }
  }
  if (inputs.empty()) return openai_error(400, "'input' is required", "bad_input");
  for (const auto& text : inputs) {
    if (text.empty()) return openai_error(400, "'input' cannot contain an empty string", "bad_input");
  }
  json data = json::array();
  // Last input first: a client must place vectors by "index", not by position.
  for (std::size_t i = inputs.size(); i-- > 0;) {
    data.push_back({{"object", "embedding"}, {"index", i}, {"embedding", vector_for(inputs[i], dimension)}});
  }
  return json_reply(200, json{{"object", "list"},
                              {"data", std::move(data)},
                              {"model", request["model"]},
                              {"usage", {{"prompt_tokens", inputs.size()}, {"total_tokens", inputs.size()}}}}
                             .dump());
}

}  // namespace killrvideo::testing

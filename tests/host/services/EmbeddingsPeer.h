#pragma once
// A loopback server that speaks OpenAI's POST /v1/embeddings for the embedding provider's tests and the
// integration tests: it checks the request as a real server does (path, bearer key, model, input), answers
// a deterministic unit vector per input (out of order, with "index", as servers may), and can be told to
// fail, stall or answer the wrong dimension for the next requests.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/host/data/astra/ScriptedPeer.h"

namespace killrvideo::testing {

class EmbeddingsPeer {
 public:
  // With an empty `api_key` every request is accepted; otherwise "Authorization: Bearer <api_key>" is required.
  explicit EmbeddingsPeer(std::size_t dimension, std::string api_key = {});

  // "http://127.0.0.1:<port>", the value for embedding.base_url.
  std::string base_url() const { return peer_.endpoint(); }

  // The next `count` requests get `status` and `body` instead of vectors.
  void fail_next(int count, int status, const std::string& body);
  // The next `count` requests are answered only after `delay`.
  void delay_next(int count, std::chrono::milliseconds delay);
  // From now on, vectors have `dimension` components.
  void answer_dimension(std::size_t dimension);

  // Every request's JSON body (null when it was not JSON), in arrival order.
  std::vector<nlohmann::json> bodies() const;
  std::vector<host::IncomingRequest> requests() const { return peer_.requests(); }

  // The vector this peer answers for `text`: deterministic, L2-normalised.
  static std::vector<float> vector_for(const std::string& text, std::size_t dimension);

 private:
  struct Trouble {
    int status = 0;  // 0: answer normally, after `delay`
    std::string body;
    std::chrono::milliseconds delay{0};
  };

  plugin::Response answer(const host::IncomingRequest& request);
  plugin::Response embeddings(const nlohmann::json& request, std::size_t dimension) const;

  std::string api_key_;
  mutable std::mutex mutex_;
  std::size_t dimension_;
  std::deque<Trouble> troubles_;
  ScriptedPeer peer_;  // last: it calls answer() as soon as it exists
};

}  // namespace killrvideo::testing

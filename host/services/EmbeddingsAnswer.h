#pragma once
// Reads the answer of an OpenAI-style POST /v1/embeddings: {"data": [{"index": i, "embedding": [...]}, ...]}
// and checks it before anything is stored: one vector per input, each of the configured dimension, finite
// and not all zeros. The error message of a refused request is read from the shapes servers use.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace killrvideo::host {

class EmbeddingsAnswerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The vectors in input order, L2-normalised. Throws EmbeddingsAnswerError saying what is wrong.
std::vector<std::vector<float>> read_embeddings_answer(const std::string& body, std::size_t inputs,
                                                        std::size_t dimension);

// The server's own words from an error body: OpenAI's {"error": {"message"}}, {"error": "..."},
// FastAPI's and NIM's {"detail": ...}, {"message": ...}; otherwise the start of the body. At most 300 bytes.
std::string error_message_of(const std::string& body);

}  // namespace killrvideo::host

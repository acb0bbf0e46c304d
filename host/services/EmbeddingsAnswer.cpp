#include "services/EmbeddingsAnswer.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace killrvideo::host {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMessageBytes = 300;

std::string shortened(std::string text) {
  if (text.size() <= kMessageBytes) return text;
  // Cut at a UTF-8 character boundary, not inside one.
  std::size_t end = kMessageBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + "…";
}

std::vector<float> vector_of(const json& item, std::size_t position, std::size_t dimension) {
  const auto embedding = item.find("embedding");
  if (embedding == item.end() || !embedding->is_array()) {
    throw EmbeddingsAnswerError("data[" + std::to_string(position) + "] has no \"embedding\" array" +
                                (embedding != item.end() && embedding->is_string()
                                     ? " (a base64 string: the server ignored encoding_format \"float\")"
                                     : ""));
  }
  if (embedding->size() != dimension) {
    throw EmbeddingsAnswerError("the vector has " + std::to_string(embedding->size()) +
                                " components, embedding.dimension says " + std::to_string(dimension) +
                                ": set embedding.dimension to the model's dimension");
  }
  std::vector<float> vector;
  vector.reserve(dimension);
  double squares = 0.0;
  for (const auto& component : *embedding) {
    if (!component.is_number()) throw EmbeddingsAnswerError("the vector has a component that is not a number");
    const double value = component.get<double>();
    if (!std::isfinite(value) || std::fabs(value) > 3.4e38) {
      throw EmbeddingsAnswerError("the vector has a component that is not a finite 32-bit float");
    }
    vector.push_back(static_cast<float>(value));
    squares += value * value;
  }
  if (squares == 0.0) throw EmbeddingsAnswerError("the vector is all zeros: cosine similarity is undefined for it");
  // The plugin contract promises unit vectors; most models already give them, a few do not.
  const double scale = 1.0 / std::sqrt(squares);
  for (float& x : vector) x = static_cast<float>(x * scale);
  return vector;
}

}  // namespace

std::vector<std::vector<float>> read_embeddings_answer(const std::string& body, std::size_t inputs,
                                                        std::size_t dimension) {
  const json answer = json::parse(body, nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) {
    throw EmbeddingsAnswerError("the answer is not a JSON object: " + shortened(body));
  }
  const auto data = answer.find("data");
  if (data == answer.end() || !data->is_array()) throw EmbeddingsAnswerError("the answer has no \"data\" array");
  if (data->size() != inputs) {
    throw EmbeddingsAnswerError("the answer has " + std::to_string(data->size()) + " vectors for " +
                                std::to_string(inputs) + " inputs");
  }
  std::vector<std::vector<float>> vectors(inputs);
  for (std::size_t position = 0; position < data->size(); ++position) {
    const json& item = (*data)[position];
    if (!item.is_object()) throw EmbeddingsAnswerError("data[" + std::to_string(position) + "] is not an object");
    // Servers may answer out of order; "index" says which input a vector belongs to.
    std::size_t index = position;
    if (const auto given = item.find("index"); given != item.end()) {
      if (!given->is_number_unsigned() || given->get<std::size_t>() >= inputs) {
        throw EmbeddingsAnswerError("data[" + std::to_string(position) + "].index is not an input's position");
      }
      index = given->get<std::size_t>();
    }
    if (!vectors[index].empty()) {
      throw EmbeddingsAnswerError("two vectors for input " + std::to_string(index));
    }
    vectors[index] = vector_of(item, position, dimension);
  }
  return vectors;
}

std::string error_message_of(const std::string& body) {
  const json answer = json::parse(body, nullptr, false);
  if (answer.is_object()) {
    for (const char* key : {"error", "detail", "message"}) {
      const auto field = answer.find(key);
      if (field == answer.end()) continue;
      if (field->is_string()) return shortened(field->get<std::string>());
      if (field->is_object() && field->contains("message") && (*field)["message"].is_string()) {
        return shortened((*field)["message"].get<std::string>());
      }
      return shortened(field->dump(-1, ' ', false, json::error_handler_t::replace));
    }
  }
  return body.empty() ? std::string("(empty body)") : shortened(body);
}

}  // namespace killrvideo::host

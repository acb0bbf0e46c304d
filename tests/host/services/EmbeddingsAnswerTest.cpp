#include "services/EmbeddingsAnswer.h"

#include <cmath>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

std::string refusal_of(const std::string& body, std::size_t inputs, std::size_t dimension) {
  try {
    read_embeddings_answer(body, inputs, dimension);
  } catch (const EmbeddingsAnswerError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(EmbeddingsAnswer, PlacesVectorsByIndexAndNormalisesThem) {
  const auto vectors = read_embeddings_answer(
      R"({"data":[{"index":1,"embedding":[0,2]},{"index":0,"embedding":[3,4]}]})", 2, 2);

  ASSERT_EQ(vectors.size(), 2u);
  EXPECT_FLOAT_EQ(vectors[0][0], 0.6F);
  EXPECT_FLOAT_EQ(vectors[0][1], 0.8F);
  EXPECT_FLOAT_EQ(vectors[1][0], 0.0F);
  EXPECT_FLOAT_EQ(vectors[1][1], 1.0F);
}

TEST(EmbeddingsAnswer, WithoutIndexTheOrderIsTheInputOrder) {
  const auto vectors = read_embeddings_answer(R"({"data":[{"embedding":[1,0]},{"embedding":[0,1]}]})", 2, 2);
  EXPECT_FLOAT_EQ(vectors[0][0], 1.0F);
  EXPECT_FLOAT_EQ(vectors[1][1], 1.0F);
}

TEST(EmbeddingsAnswer, RefusesWhatCannotBeStored) {
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":[1,0]}]})", 2, 2), "the answer has 1 vectors for 2 inputs");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":[1,0]},{"index":0,"embedding":[0,1]}]})", 2, 2),
            "two vectors for input 0");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":5,"embedding":[1,0]}]})", 1, 2), "data[0].index is not an input's position");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":[0,0]}]})", 1, 2),
            "the vector is all zeros: cosine similarity is undefined for it");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":[1,"x"]}]})", 1, 2),
            "the vector has a component that is not a number");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":[1,1e300]}]})", 1, 2),
            "the vector has a component that is not a finite 32-bit float");
  EXPECT_EQ(refusal_of(R"({"data":[{"index":0,"embedding":"AACAPw=="}]})", 1, 1),
            "data[0] has no \"embedding\" array (a base64 string: the server ignored encoding_format \"float\")");
  EXPECT_EQ(refusal_of(R"({"object":"list"})", 1, 2), "the answer has no \"data\" array");
  EXPECT_EQ(refusal_of("[1,2]", 1, 2), "the answer is not a JSON object: [1,2]");
}

TEST(EmbeddingsAnswer, ReadsTheServersOwnWordsFromAnErrorBody) {
  EXPECT_EQ(error_message_of(R"({"error":{"message":"Rate limit reached","type":"requests"}})"), "Rate limit reached");
  EXPECT_EQ(error_message_of(R"({"error":"model is loading"})"), "model is loading");
  EXPECT_EQ(error_message_of(R"({"detail":[{"loc":["body","input"],"msg":"field required"}]})"),
            R"([{"loc":["body","input"],"msg":"field required"}])");
  EXPECT_EQ(error_message_of("Bad Gateway"), "Bad Gateway");
  EXPECT_EQ(error_message_of(""), "(empty body)");
  EXPECT_EQ(error_message_of(std::string(1000, 'x')), std::string(300, 'x') + "…");
}

}  // namespace
}  // namespace killrvideo::host

#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/Vectors.h"

namespace {

using killrvideo::plugin::data::vector_from_json;
using killrvideo::plugin::data::vector_to_binary_json;
using killrvideo::plugin::data::vector_to_json;
using json = nlohmann::ordered_json;

TEST(Vectors, FloatsTravelAsTheirShortestDecimal) {
  EXPECT_EQ(vector_to_json({0.12f, -0.48f, 0.33f, 0.80f}).dump(), "[0.12,-0.48,0.33,0.8]");
  EXPECT_EQ(vector_to_json({}).dump(), "[]");
}

TEST(Vectors, RoundTripIsExact) {
  const std::vector<float> vector = {0.1f, -1.0f / 3.0f, 1e-7f, 3.4e38f};
  EXPECT_EQ(vector_from_json(json::parse(vector_to_json(vector).dump())), vector);
}

TEST(Vectors, BinaryIsBase64OfBigEndianFloat32) {
  // data-api-wire.md's example: [0.5, -1, 0.25, 1].
  EXPECT_EQ(vector_to_binary_json({0.5f, -1.0f, 0.25f, 1.0f}), json({{"$binary", "PwAAAL+AAAA+gAAAP4AAAA=="}}));
  EXPECT_EQ(vector_to_binary_json({0.5f}), json({{"$binary", "PwAAAA=="}}));
  EXPECT_EQ(vector_to_binary_json({}), json({{"$binary", ""}}));
}

TEST(Vectors, ReadingRefusesWhatIsNotAVector) {
  EXPECT_THROW(vector_from_json(json::parse(R"({"$binary":"PwAAAA=="})")), std::invalid_argument);
  EXPECT_THROW(vector_from_json(json::parse(R"([1,"2"])")), std::invalid_argument);
}

}  // namespace

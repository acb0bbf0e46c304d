// The value codecs on their own: timestamps, durations, base64, float printing, page states.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/Base64.h"
#include "data/embedded/PageState.h"
#include "data/embedded/TimeCodec.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {
namespace {

using json = nlohmann::json;

TEST(CodecTest, TimestampsParseZonesAndPrintUtcMilliseconds) {
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_timestamp("2025-06-01T10:00:00+02:00"), parse_timestamp("2025-06-01T08:00:00Z"));
  EXPECT_EQ(parse_timestamp("2025-06-01T08:00:00.12Z").value() % 1000, 120);
  EXPECT_FALSE(parse_timestamp("2025-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2025-06-01T08:00:00"));
  EXPECT_EQ(format_timestamp(1748772900000), "2025-06-01T10:15:00Z");
  EXPECT_EQ(format_timestamp(1748772900120), "2025-06-01T10:15:00.120Z");
  EXPECT_EQ(format_timestamp(-1), "1969-12-31T23:59:59.999Z");
}

TEST(CodecTest, DurationsNormaliseToIso) {
  EXPECT_EQ(normalize_duration("PT2H45M"), "PT2H45M");
  EXPECT_EQ(normalize_duration("2h45m"), "PT2H45M");
  EXPECT_EQ(normalize_duration("1y2mo3d4s500ms"), "P1Y2M3DT4.5S");
  EXPECT_FALSE(normalize_duration("soon"));
}

TEST(CodecTest, Base64RoundTripsAndRejectsNoise) {
  EXPECT_EQ(base64_encode("hello"), "aGVsbG8=");
  EXPECT_EQ(base64_decode("aGVsbG8="), "hello");
  EXPECT_FALSE(base64_decode("aGVsbG8"));
  EXPECT_FALSE(base64_decode("a!=="));
}

TEST(CodecTest, VectorsFromBigEndianBinaryAndShortestFloats) {
  EXPECT_EQ(parse_vector(R"({"$binary":"PwAAAL+AAAA+gAAAP4AAAA=="})"_json), (std::vector<float>{0.5f, -1.0f, 0.25f, 1.0f}));
  EXPECT_EQ(float_to_json(0.1f).dump(), "0.1");
  EXPECT_EQ(float_to_json(0.99957f).dump(), "0.99957");
  EXPECT_THROW(parse_vector(R"({"$binary":"PwAA"})"_json), std::invalid_argument);
  EXPECT_THROW(parse_vector("text"), VectorizeRequested);
}

TEST(CodecTest, PageStatesAreBoundToTheirQuery) {
  const auto mine = query_fingerprint("ks", "t", "find", R"({"filter":{"a":1}})"_json);
  const auto other = query_fingerprint("ks", "t", "find", R"({"filter":{"a":2}})"_json);
  EXPECT_EQ(mine, query_fingerprint("ks", "t", "find", R"({"filter":{"a":1},"options":{"pageState":"x"}})"_json));
  const json options = {{"pageState", encode_page_state(50, mine)}};
  EXPECT_EQ(decode_page_state(options, mine), 50U);
  EXPECT_THROW(decode_page_state(options, other), CommandFailure);
  EXPECT_EQ(decode_page_state(R"({"pageState":null})"_json, mine), 0U);
}

TEST(CodecTest, PageStatesIgnoreWhatDoesNotDecideTheRows) {
  const auto mine = query_fingerprint("ks", "t", "find", R"({"filter":{"a":1},"sort":{"b":-1}})"_json);
  EXPECT_EQ(mine, query_fingerprint("ks", "t", "find", R"({"filter":{"a":1},"sort":{"b":-1},"projection":{"a":1},
      "options":{"includeSortVector":false,"includeSimilarity":true,"limit":10}})"_json));
  EXPECT_EQ(query_fingerprint("ks", "t", "find", R"({})"_json),
            query_fingerprint("ks", "t", "find", R"({"filter":{},"sort":null})"_json));
  EXPECT_NE(mine, query_fingerprint("ks", "t", "find", R"({"filter":{"a":1},"sort":{"b":1}})"_json));
  EXPECT_NE(mine, query_fingerprint("ks", "u", "find", R"({"filter":{"a":1},"sort":{"b":-1}})"_json));
}

}  // namespace
}  // namespace killrvideo::host::embedded

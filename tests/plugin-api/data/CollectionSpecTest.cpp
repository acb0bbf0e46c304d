#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/CollectionSpec.h"

namespace {

using killrvideo::plugin::data::CollectionSpec;
using killrvideo::plugin::data::DefaultIdType;
using killrvideo::plugin::data::VectorMetric;
using json = nlohmann::ordered_json;

TEST(CollectionSpec, PlainCollectionHasNoOptions) {
  const CollectionSpec stats("video_stats");
  EXPECT_EQ(stats.name(), "video_stats");
  EXPECT_EQ(stats.to_json(), json::object());
  EXPECT_EQ(stats.create_collection_command(), json::parse(R"({"createCollection":{"name":"video_stats"}})"));
}

TEST(CollectionSpec, EveryOption) {
  const CollectionSpec spec =
      CollectionSpec("c").vector(1024, VectorMetric::Cosine).indexing_deny({"blob"}).default_id(DefaultIdType::UuidV7);
  EXPECT_EQ(spec.create_collection_command(), json::parse(R"({"createCollection":{"name":"c","options":{
      "vector":{"dimension":1024,"metric":"cosine"},"indexing":{"deny":["blob"]},"defaultId":{"type":"uuidv7"}}}})"));
}

TEST(CollectionSpec, AllowListAndOtherIdTypes) {
  EXPECT_EQ(CollectionSpec("c").indexing_allow({"a", "b.c"}).to_json(),
            json::parse(R"({"indexing":{"allow":["a","b.c"]}})"));
  EXPECT_EQ(CollectionSpec("c").vector(3, VectorMetric::DotProduct).default_id(DefaultIdType::ObjectId).to_json(),
            json::parse(R"({"vector":{"dimension":3,"metric":"dot_product"},"defaultId":{"type":"objectId"}})"));
  EXPECT_EQ(CollectionSpec("c").default_id(DefaultIdType::Uuid).to_json()["defaultId"]["type"], "uuid");
  EXPECT_EQ(CollectionSpec("c").default_id(DefaultIdType::UuidV6).to_json()["defaultId"]["type"], "uuidv6");
}

TEST(CollectionSpec, VectorNeedsADimension) { EXPECT_THROW(CollectionSpec("c").vector(0), std::invalid_argument); }

}  // namespace

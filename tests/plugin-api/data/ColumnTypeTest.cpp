#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/ColumnType.h"

namespace {

using killrvideo::plugin::data::ColumnType;
using json = nlohmann::ordered_json;

TEST(ColumnType, EveryScalarInShortForm) {
  for (const char* name : {"text", "ascii", "int", "bigint", "smallint", "tinyint", "varint", "float", "double",
                           "decimal", "boolean", "timestamp", "date", "time", "duration", "uuid", "inet", "blob"}) {
    const ColumnType type(name);
    EXPECT_EQ(type.kind(), name);
    EXPECT_EQ(type.to_json(), json(name));
  }
}

TEST(ColumnType, TypesCreateTableRefusesAreRefusedEarly) {
  EXPECT_THROW(ColumnType("counter"), std::invalid_argument);
  EXPECT_THROW(ColumnType("timeuuid"), std::invalid_argument);
  EXPECT_THROW(ColumnType("Text"), std::invalid_argument);
  EXPECT_THROW(ColumnType::list("counter"), std::invalid_argument);
}

TEST(ColumnType, CollectionsInLongForm) {
  EXPECT_EQ(ColumnType::list("text").to_json(), json::parse(R"({"type":"list","valueType":"text"})"));
  EXPECT_EQ(ColumnType::set("text").to_json(), json::parse(R"({"type":"set","valueType":"text"})"));
  EXPECT_EQ(ColumnType::map("text", "int").to_json(),
            json::parse(R"({"type":"map","keyType":"text","valueType":"int"})"));
  EXPECT_EQ(ColumnType::map("uuid", "timestamp").kind(), "map");
}

TEST(ColumnType, DurationIsNoMapKey) { EXPECT_THROW(ColumnType::map("duration", "int"), std::invalid_argument); }

TEST(ColumnType, VectorWithItsDimension) {
  EXPECT_EQ(ColumnType::vector(384).to_json(), json::parse(R"({"type":"vector","dimension":384})"));
  EXPECT_EQ(ColumnType::vector(4).kind(), "vector");
  EXPECT_THROW(ColumnType::vector(0), std::invalid_argument);
}

}  // namespace

#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/Filter.h"

namespace {

using killrvideo::plugin::data::Filter;
using json = nlohmann::ordered_json;

TEST(Filter, EmptyMatchesEverything) {
  EXPECT_TRUE(Filter().empty());
  EXPECT_EQ(Filter().to_json(), json::object());
}

TEST(Filter, LexicalMatchCombinesWithOtherConditions) {
  const Filter filter = Filter().match("name", "cassandra vector").eq("category", "Education");
  EXPECT_EQ(filter.to_json(), json::parse(R"({"name":{"$match":"cassandra vector"},"category":"Education"})"));
}

TEST(Filter, EqualityIsTheBareValueAsInE5) {
  const Filter filter = Filter().eq("videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a");
  EXPECT_FALSE(filter.empty());
  EXPECT_EQ(filter.to_json(), json::parse(R"({"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"})"));
}

TEST(Filter, FullPrimaryKeyOfE10) {
  const Filter filter = Filter()
                            .eq("videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a")
                            .eq("created_at", "2025-06-02T08:00:00Z")
                            .eq("commentid", "0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b");
  EXPECT_EQ(filter.to_json(), json::parse(R"({"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "created_at":"2025-06-02T08:00:00Z","commentid":"0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b"})"));
}

TEST(Filter, EveryComparisonOperator) {
  const Filter filter =
      Filter().ne("a", 1).lt("b", 2).lte("c", 3).gt("d", 4).gte("e", 5).in("f", {"x", "y"}).nin("g", {7, 8});
  EXPECT_EQ(filter.to_json(), json::parse(R"({"a":{"$ne":1},"b":{"$lt":2},"c":{"$lte":3},"d":{"$gt":4},
      "e":{"$gte":5},"f":{"$in":["x","y"]},"g":{"$nin":[7,8]}})"));
}

TEST(Filter, ConditionsOnOneColumnShareItsOperatorObject) {
  const Filter range = Filter().gte("added_date", "2025-06-01T00:00:00Z").lt("added_date", "2025-06-02T00:00:00Z");
  EXPECT_EQ(range.to_json(),
            json::parse(R"({"added_date":{"$gte":"2025-06-01T00:00:00Z","$lt":"2025-06-02T00:00:00Z"}})"));
  // An equality next to another operator keeps its explicit form.
  EXPECT_EQ(Filter().eq("a", 1).ne("a", 2).to_json(), json::parse(R"({"a":{"$eq":1,"$ne":2}})"));
}

TEST(Filter, ObjectValuesStayValues) {
  EXPECT_EQ(Filter().eq("first_view", {{"$date", 1748772900000}}).to_json(),
            json::parse(R"({"first_view":{"$date":1748772900000}})"));
}

TEST(Filter, RawJsonIsSentAsGivenAndMergesWithTheBuilder) {
  const json either = json::parse(R"({"$or":[{"category":"education"},{"category":"science"}]})");
  EXPECT_EQ(Filter(either).to_json(), either);
  json merged = either;
  merged["userid"] = "u1";
  EXPECT_EQ(Filter(either).eq("userid", "u1").to_json(), merged);
}

TEST(Filter, RawJsonMustBeAnObject) { EXPECT_THROW(Filter(json::array()), std::invalid_argument); }

}  // namespace

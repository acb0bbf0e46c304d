#include <gtest/gtest.h>

#include "killrvideo/plugin/data/Update.h"

namespace {

using killrvideo::plugin::data::CollectionUpdate;
using killrvideo::plugin::data::TableUpdate;
using json = nlohmann::ordered_json;

TEST(TableUpdate, SetOfE8) {
  EXPECT_EQ(TableUpdate().set("views", 1).to_json(), json::parse(R"({"$set":{"views":1}})"));
}

TEST(TableUpdate, EveryTableOperator) {
  const TableUpdate update = TableUpdate()
                                 .set("name", "New")
                                 .set("category", "science")
                                 .unset("description")
                                 .push("tags", "ai")
                                 .push_each("ratings", {4, 5})
                                 .pull_all("old_tags", {"x", "y"});
  EXPECT_EQ(update.to_json(), json::parse(R"({"$set":{"name":"New","category":"science"},
      "$unset":{"description":""},"$push":{"tags":"ai","ratings":{"$each":[4,5]}},
      "$pullAll":{"old_tags":["x","y"]}})"));
}

TEST(TableUpdate, StartsEmpty) { EXPECT_TRUE(TableUpdate().empty()); }

TEST(CollectionUpdate, IncAndSetOnInsertOfE13) {
  const CollectionUpdate update =
      CollectionUpdate().inc("views", 1).set_on_insert("first_view", {{"$date", 1748772900000}});
  EXPECT_EQ(update.to_json(),
            json::parse(R"({"$inc":{"views":1},"$setOnInsert":{"first_view":{"$date":1748772900000}}})"));
}

TEST(CollectionUpdate, ChainsSharedAndOwnOperators) {
  EXPECT_EQ(CollectionUpdate().set("a", 1).inc("b", -2).unset("c").to_json(),
            json::parse(R"({"$set":{"a":1},"$inc":{"b":-2},"$unset":{"c":""}})"));
}

}  // namespace

#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

namespace {

using killrvideo::plugin::data::FindOneOptions;
using killrvideo::plugin::data::FindOptions;
using killrvideo::plugin::data::Projection;
using killrvideo::plugin::data::Sort;
using json = nlohmann::ordered_json;

json body_of(const FindOptions& options) {
  json body = json::object();
  options.write_to(body);
  return body;
}

TEST(Sort, RegularColumns) {
  EXPECT_TRUE(Sort().empty());
  EXPECT_EQ(Sort().descending("added_date").to_json(), json::parse(R"({"added_date":-1})"));
  EXPECT_EQ(Sort().descending("added_date").ascending("videoid").to_json(),
            json::parse(R"({"added_date":-1,"videoid":1})"));
}

TEST(Sort, ColumnsKeepTheOrderTheyWereAddedIn) {
  const Sort sort = Sort().descending("created_at").ascending("commentid");
  EXPECT_EQ(sort.to_json().dump(), R"({"created_at":-1,"commentid":1})");
}

TEST(Sort, AColumnOnlyOnce) { EXPECT_THROW(Sort().ascending("a").descending("a"), std::invalid_argument); }

TEST(Sort, VectorSortOfE7) {
  const Sort sort = Sort::by_vector("content_features", {0.10f, -0.50f, 0.30f, 0.79f});
  EXPECT_TRUE(sort.is_vector());
  EXPECT_EQ(sort.to_json(), json::parse(R"({"content_features":[0.10,-0.50,0.30,0.79]})"));
}

TEST(Sort, NothingBesideAVector) {
  Sort sort = Sort::by_vector("$vector", {1.0f});
  EXPECT_THROW(sort.ascending("name"), std::invalid_argument);
}

TEST(Sort, LexicalSortByRelevance) {
  const Sort sort = Sort::by_relevance("name", "vector search");
  EXPECT_TRUE(sort.is_lexical());
  EXPECT_FALSE(sort.is_vector());
  EXPECT_FALSE(sort.empty());
  EXPECT_EQ(sort.to_json(), json::parse(R"({"name":"vector search"})"));
  Sort combined = Sort::by_relevance("name", "x");
  EXPECT_THROW(combined.descending("added_date"), std::invalid_argument);
  EXPECT_THROW(Sort::by_relevance("", "x"), std::invalid_argument);
}

TEST(Projection, IncludeExcludeEverything) {
  EXPECT_TRUE(Projection().empty());
  EXPECT_EQ(Projection::include({"videoid", "name"}).to_json(), json::parse(R"({"videoid":1,"name":1})"));
  EXPECT_EQ(Projection::exclude({"content_features"}).to_json(), json::parse(R"({"content_features":0})"));
  EXPECT_EQ(Projection::everything().to_json(), json::parse(R"({"*":1})"));
}

TEST(FindOptions, NothingSetWritesNothing) { EXPECT_EQ(body_of(FindOptions()), json::object()); }

TEST(FindOptions, EveryOption) {
  const FindOptions options = FindOptions()
                                  .sort(Sort().ascending("name"))
                                  .projection(Projection::include({"name"}))
                                  .limit(5)
                                  .skip(10)
                                  .page_state("AAoA")
                                  .include_similarity()
                                  .include_sort_vector();
  EXPECT_EQ(body_of(options), json::parse(R"({"sort":{"name":1},"projection":{"name":1},
      "options":{"includeSimilarity":true,"includeSortVector":true,"limit":5,"skip":10,"pageState":"AAoA"}})"));
}

TEST(FindOptions, AnEmptyPageStateIsTheFirstPage) { EXPECT_EQ(body_of(FindOptions().page_state("")), json::object()); }

TEST(FindOneOptions, OnlyWhatFindOneAccepts) {
  json body = json::object();
  FindOneOptions().include_similarity().sort(Sort::by_vector("v", {0.5f})).write_to(body);
  EXPECT_EQ(body, json::parse(R"({"sort":{"v":[0.5]},"options":{"includeSimilarity":true}})"));
}

}  // namespace

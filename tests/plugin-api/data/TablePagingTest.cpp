// find_all: the identical command resent with each nextPageState (data-api-wire §7, E9), up to a bound.
#include <gtest/gtest.h>

#include <stdexcept>

#include "CannedResponses.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace {

using killrvideo::plugin::data::Filter;
using killrvideo::plugin::data::FindAllResult;
using killrvideo::plugin::data::FindOptions;
using killrvideo::plugin::data::Projection;
using killrvideo::plugin::data::Table;
using killrvideo::plugin::testing::FakeDataClient;
using json = nlohmann::ordered_json;
namespace canned = killrvideo::plugin::data::test;

const json kE9 = json::parse(R"({"find":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
    "projection":{"created_at":1,"userid":1,"comment":1}}})");

json rows(int first, int count) {
  json documents = json::array();
  for (int i = first; i < first + count; ++i) documents.push_back({{"n", i}});
  return documents;
}

json with_page_state(json command, const std::string& state) {
  command["find"]["options"]["pageState"] = state;
  return command;
}

class TablePagingTest : public ::testing::Test {
 protected:
  FindAllResult comments_of_the_video(std::size_t max_documents, const FindOptions& options = FindOptions()) {
    return comments.find_all(Filter().eq("videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"), max_documents,
                             FindOptions(options).projection(Projection::include({"created_at", "userid", "comment"})));
  }

  FakeDataClient client;
  Table comments{client, "comments_by_video"};
};

TEST_F(TablePagingTest, FollowsEveryPageStateToTheEnd) {
  client.queue_response(canned::page(rows(0, 3), "AAoAAAAAAAAAAQEKAAgAAAGSZv7kAP/////+AH//////AA=="));
  client.queue_response(canned::page(rows(3, 3), "page-3"));
  client.queue_response(canned::page(rows(6, 1), nullptr));

  const FindAllResult all = comments_of_the_video(100);

  const auto calls = client.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].command, kE9);
  EXPECT_EQ(calls[1].command, with_page_state(kE9, "AAoAAAAAAAAAAQEKAAgAAAGSZv7kAP/////+AH//////AA=="));
  EXPECT_EQ(calls[2].command, with_page_state(kE9, "page-3"));
  EXPECT_EQ(json(all.documents), rows(0, 7));
  EXPECT_FALSE(all.truncated);
}

TEST_F(TablePagingTest, KeepsTheQueryOptionsOnEveryPage) {
  client.queue_response(canned::page(rows(0, 2), "s1"));
  client.queue_response(canned::page(rows(2, 1), nullptr));

  comments_of_the_video(100, FindOptions().limit(3));

  json expected = kE9;
  expected["find"]["options"] = {{"limit", 3}, {"pageState", "s1"}};
  EXPECT_EQ(client.calls()[1].command, expected);
}

TEST_F(TablePagingTest, StopsAtTheBoundInsideAPage) {
  client.queue_response(canned::page(rows(0, 3), "s1"));
  client.queue_response(canned::page(rows(3, 3), "s2"));

  const FindAllResult all = comments_of_the_video(4);

  EXPECT_EQ(client.calls().size(), 2u);
  EXPECT_EQ(json(all.documents), rows(0, 4));
  EXPECT_TRUE(all.truncated);
}

TEST_F(TablePagingTest, StopsAtTheBoundOnAPageBoundaryWithoutAskingForMore) {
  client.queue_response(canned::page(rows(0, 3), "s1"));

  const FindAllResult all = comments_of_the_video(3);

  EXPECT_EQ(client.calls().size(), 1u);
  EXPECT_EQ(all.documents.size(), 3u);
  EXPECT_TRUE(all.truncated);
}

TEST_F(TablePagingTest, ALastPageThatFitsIsComplete) {
  client.queue_response(canned::page(rows(0, 3), nullptr));
  const FindAllResult all = comments_of_the_video(3);
  EXPECT_EQ(all.documents.size(), 3u);
  EXPECT_FALSE(all.truncated);
}

TEST_F(TablePagingTest, EmptyPagesWithAStateAreFollowed) {
  // A filtered scan may return an empty page and still have more.
  client.queue_response(canned::page(json::array(), "s1"));
  client.queue_response(canned::page(rows(0, 1), nullptr));
  EXPECT_EQ(comments_of_the_video(10).documents.size(), 1u);
}

TEST_F(TablePagingTest, CollectsTheWarningsOfEveryPage) {
  json first = canned::page(rows(0, 1), "s1");
  first["status"]["warnings"] = json::array({canned::error_object("REQUEST", "WARNING", "MISSING_INDEX")});
  json second = canned::page(rows(1, 1), nullptr);
  second["status"]["warnings"] =
      json::array({canned::error_object("REQUEST", "WARNING", "QUERY_RETRIED_DUE_TO_INDEXING")});
  client.queue_response(first);
  client.queue_response(second);

  const FindAllResult all = comments_of_the_video(10);

  ASSERT_EQ(all.warnings.size(), 2u);
  EXPECT_EQ(all.warnings[0].error_code, "MISSING_INDEX");
  EXPECT_EQ(all.warnings[1].error_code, "QUERY_RETRIED_DUE_TO_INDEXING");
}

TEST_F(TablePagingTest, StartsFromTheGivenPageState) {
  client.queue_response(canned::page(rows(0, 1), nullptr));
  comments_of_the_video(10, FindOptions().page_state("resume-here"));
  EXPECT_EQ(client.calls()[0].command, with_page_state(kE9, "resume-here"));
}

TEST_F(TablePagingTest, AStateThatDoesNotMoveIsAnError) {
  client.queue_response(canned::page(json::array(), "stuck"));
  client.queue_response(canned::page(json::array(), "stuck"));
  EXPECT_THROW(comments_of_the_video(10), std::runtime_error);
  EXPECT_EQ(client.calls().size(), 2u);
}

}  // namespace

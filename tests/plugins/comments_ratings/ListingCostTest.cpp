// A listing costs one page: on a video with 5,000 comments, count the Data API commands one listing sends
// and the rows they bring back, through the seam, on the real engine.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

constexpr int kComments = 5000;
constexpr std::size_t kEnginePageRows = 50;  // the engine's rows per find page (data-api-wire §1.9)

struct Cost {
  std::size_t commands = 0;
  std::size_t rows = 0;
};

class ListingCostTest : public CommentsRatingsFixture {
 protected:
  void import_comments() {
    for (int i = 0; i < kComments; ++i) {
      char id[37];
      // Version-1 ids one millisecond apart (10,000 ticks), in 2025: the import derives created_at from them.
      std::snprintf(id, sizeof id, "%08x-b9cd-11f0-9a37-62bc60f3bc08", 0x10000000u + static_cast<unsigned>(i) * 10000u);
      const std::string author = i % 2 == 0 ? kAda : kGrace;
      const auto failure = host_.fake().import_row(
          "comments", {{"videoid", kReadyVideo}, {"commentid", id}, {"comment", "comment " + std::to_string(i)},
                       {"userid", author}, {"sentiment_score", "0.5"}});
      ASSERT_EQ(failure, "");
    }
    host_.take_calls();
  }

  Cost cost_of(const std::string& target) {
    get(target);
    Cost cost;
    for (const auto& call : host_.take_calls()) {
      ++cost.commands;
      cost.rows += killrvideo::plugin::testing::rows_returned(call);
    }
    return cost;
  }
};

TEST_F(ListingCostTest, AFirstPageReadsTheCountThePageAndItsAuthors) {
  import_comments();
  const std::string path = std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=1&pageSize=10";
  const Cost cost = cost_of(path);
  // One counter document, ten comment rows, two author rows.
  EXPECT_EQ(cost.commands, 3U);
  EXPECT_EQ(cost.rows, 1U + 10U + 2U);
  const json page = get(path);
  EXPECT_EQ(page["pagination"]["totalItems"], kComments);
  EXPECT_EQ(page["data"][0]["comment"], "comment 4999");
}

TEST_F(ListingCostTest, ADeepPageReadsUpToItsLastRowAndNoFurther) {
  import_comments();
  const std::string path = std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=3&pageSize=100";
  const Cost cost = cost_of(path);
  const std::size_t through_page = 300;
  EXPECT_EQ(cost.rows, 1U + through_page + 2U);
  EXPECT_EQ(cost.commands, 2U + through_page / kEnginePageRows);
  const json page = get(path);
  EXPECT_EQ(page["data"][0]["comment"], "comment 4799");
  EXPECT_EQ(page["data"][99]["comment"], "comment 4700");
}

TEST_F(ListingCostTest, APageBeyondTheEndReadsOnlyTheCount) {
  import_comments();
  const Cost cost = cost_of(std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=51&pageSize=100");
  EXPECT_EQ(cost.commands, 1U);
  EXPECT_EQ(cost.rows, 1U);
}

TEST_F(ListingCostTest, AUsersListingCostsTheSame) {
  import_comments();
  const Cost cost = cost_of(std::string("/api/v1/users/") + kAda + "/comments?page=1&pageSize=20");
  EXPECT_EQ(cost.commands, 3U);
  EXPECT_EQ(cost.rows, 1U + 20U + 1U);
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing

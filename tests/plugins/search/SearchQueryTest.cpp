// #19's parameters: what is refused, with which status and detail, before any read.

#include <string>

#include "SearchFixture.h"
#include "SearchQuery.h"

namespace killrvideo::search::testing {
namespace {

using nlohmann::json;

TEST(TokenCountTest, WordsAreRunsOfWordCharactersAndEveryOtherVisibleCharacterIsOne) {
  EXPECT_EQ(token_count(""), 0U);
  EXPECT_EQ(token_count("   "), 0U);
  EXPECT_EQ(token_count("hello world"), 2U);
  EXPECT_EQ(token_count("hello, world!"), 4U);
  EXPECT_EQ(token_count("data_modeling 101"), 2U);
  EXPECT_EQ(token_count("café—crème"), 1U) << "UTF-8 letters and punctuation both sit in bytes >= 0x80";
}

class SearchQueryTest : public SearchFixture {
 protected:
  std::string first_issue_type(const std::string& target) {
    const Response response = get(target);
    EXPECT_EQ(response.status, 422) << target << ": " << response.body;
    return response_json(response)["detail"][0]["type"].get<std::string>();
  }
  std::string detail_of_400(const std::string& target) {
    const Response response = get(target);
    EXPECT_EQ(response.status, 400) << target << ": " << response.body;
    return response_json(response)["detail"].get<std::string>();
  }
};

TEST_F(SearchQueryTest, AMissingOrEmptyQueryIs422AsFastApiAnswersIt) {
  EXPECT_EQ(first_issue_type("/api/v1/search/videos"), "missing");
  EXPECT_EQ(first_issue_type("/api/v1/search/videos?query="), "string_too_short");
  EXPECT_EQ(first_issue_type("/api/v1/search/tags/suggest"), "missing");
  EXPECT_EQ(first_issue_type("/api/v1/search/tags/suggest?query="), "string_too_short");
}

TEST_F(SearchQueryTest, AQueryOfOnlySpacesIs400WithTheContractsDetailInBothModes) {
  for (const char* mode : {"semantic", "keyword"}) {
    EXPECT_EQ(detail_of_400(std::string("/api/v1/search/videos?query=%20%20&mode=") + mode), kEmptyQueryDetail);
  }
}

TEST_F(SearchQueryTest, AQueryOverFiveHundredTwelveTokensIs400NamingTheLimit) {
  std::string words;
  for (int i = 0; i < 513; ++i) words += "w" + std::to_string(i) + "%20";
  const std::string detail = detail_of_400("/api/v1/search/videos?mode=semantic&query=" + words);
  EXPECT_NE(detail.find("512 tokens"), std::string::npos) << detail;
  EXPECT_NE(detail.find("513"), std::string::npos) << detail;

  std::string exactly_512;
  for (int i = 0; i < 512; ++i) exactly_512 += "w%20";
  EXPECT_EQ(get("/api/v1/search/videos?mode=keyword&query=" + exactly_512).status, 200);
}

TEST_F(SearchQueryTest, AQueryOverTheByteLimitIs400) {
  const std::string one_long_word(kMaxQueryBytes + 1, 'a');
  const std::string detail = detail_of_400("/api/v1/search/videos?query=" + one_long_word);
  EXPECT_NE(detail.find(std::to_string(kMaxQueryBytes) + " bytes"), std::string::npos) << detail;
}

TEST_F(SearchQueryTest, AnUnknownModeAndPagesOutOfRangeAre422) {
  EXPECT_EQ(first_issue_type("/api/v1/search/videos?query=a&mode=fuzzy"), "enum");
  EXPECT_EQ(first_issue_type("/api/v1/search/videos?query=a&page=0"), "greater_than_equal");
  EXPECT_EQ(first_issue_type("/api/v1/search/videos?query=a&pageSize=101"), "less_than_equal");
  EXPECT_EQ(first_issue_type("/api/v1/search/tags/suggest?query=a&limit=26"), "less_than_equal");
  EXPECT_EQ(first_issue_type("/api/v1/search/tags/suggest?query=a&limit=0"), "greater_than_equal");
}

TEST_F(SearchQueryTest, NothingIsReadBeforeTheParametersAreGood) {
  host_.take_calls();
  get("/api/v1/search/videos?query=%20");
  get("/api/v1/search/videos?query=a&mode=fuzzy");
  EXPECT_TRUE(host_.take_calls().empty());
}

}  // namespace
}  // namespace killrvideo::search::testing

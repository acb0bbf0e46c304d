#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "CatalogPlugin.h"
#include "CatalogTestSupport.h"
#include "killrvideo/plugin/testing/DataReplies.h"
#include "OEmbedClient.h"
#include "OEmbedFixture.h"

namespace killrvideo::catalog {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;
using namespace plugin::testing::replies;

constexpr const char* kOEmbedBody =
    R"({"title":"Data modelling in Cassandra","author_name":"DataStax","thumbnail_url":"https://i.ytimg.com/vi/abcdefghijk/hq720.jpg"})";
constexpr long kShortTimeoutMs = 300;

json oembed_config(const std::string& url) {
  return {{"oembed", {{"enabled", true}, {"url", url}, {"timeout_ms", kShortTimeoutMs}}}};
}

TEST(OEmbedClientTest, AsksForTheShortUrlAsJsonAndReadsTitleAndThumbnail) {
  OEmbedFixture oembed({200, kOEmbedBody});
  const OEmbedClient client({true, oembed.url(), kShortTimeoutMs});
  const YouTubeMetadata metadata = client.fetch("abcdefghijk");
  EXPECT_EQ(metadata.title, "Data modelling in Cassandra");
  EXPECT_EQ(metadata.thumbnail_url, "https://i.ytimg.com/vi/abcdefghijk/hq720.jpg");
  const auto queries = oembed.queries();
  ASSERT_EQ(queries.size(), 1U);
  const auto& query = queries[0];
  using QueryMap = std::map<std::string, std::string>;
  EXPECT_EQ(QueryMap(query.begin(), query.end()),
            QueryMap({{"format", "json"}, {"url", "https://youtu.be/abcdefghijk"}}));
}

TEST(OEmbedClientTest, ASlowAnswerTimesOutWithinTheConfiguredTime) {
  OEmbedFixture oembed({200, kOEmbedBody, std::chrono::milliseconds(1500)});
  const OEmbedClient client({true, oembed.url(), kShortTimeoutMs});
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(client.fetch("abcdefghijk"), MetadataFetchError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1200));
}

TEST(OEmbedClientTest, ErrorStatusesAndNonOEmbedBodiesAreFetchErrors) {
  OEmbedFixture not_found({404, "Not Found"});
  try {
    OEmbedClient({true, not_found.url(), kShortTimeoutMs}).fetch("abcdefghijk");
    FAIL() << "a 404 must not pass";
  } catch (const MetadataFetchError& error) {
    EXPECT_STREQ(error.what(), "Failed to fetch YouTube metadata: oEmbed answered HTTP 404");
  }
  OEmbedFixture garbage({200, "<html>"});
  EXPECT_THROW(OEmbedClient({true, garbage.url(), kShortTimeoutMs}).fetch("abcdefghijk"), MetadataFetchError);
}

TEST(OEmbedSettingsTest, AbsentBlockIsDisabledWithYouTubeDefaults) {
  const OEmbedSettings settings = oembed_settings_from(json::object());
  EXPECT_FALSE(settings.enabled);
  EXPECT_EQ(settings.url, "https://www.youtube.com/oembed");
  EXPECT_EQ(settings.timeout_ms, 3000);
  EXPECT_THROW(oembed_settings_from({{"oembed", {{"timeout_ms", 0}}}}), std::invalid_argument);
}

TEST(OEmbedSubmissionTest, SubmitTakesTitleAndThumbnailFromOEmbed) {
  OEmbedFixture oembed({200, kOEmbedBody});
  FakeHost host("catalog", oembed_config(oembed.url()));
  host.load<CatalogPlugin>();
  host.data().queue_response(inserted_row({"x"}));
  host.data().queue_response(inserted_row({"x"}));
  const auto response = host.call(Method::Post, "/api/v1/videos", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}}, owner());
  ASSERT_EQ(response.status, 202) << response.body;
  EXPECT_EQ(response_json(response)["title"], "Data modelling in Cassandra");
  EXPECT_EQ(response_json(response)["thumbnailUrl"], "https://i.ytimg.com/vi/abcdefghijk/hq720.jpg");
}

TEST(OEmbedSubmissionTest, ASlowOrFailingOEmbedIs502AndStoresNothing) {
  OEmbedFixture slow({200, kOEmbedBody, std::chrono::milliseconds(1500)});
  FakeHost host("catalog", oembed_config(slow.url()));
  host.load<CatalogPlugin>();
  const auto timed_out = host.call(Method::Post, "/api/v1/videos", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}}, owner());
  EXPECT_EQ(timed_out.status, 502);
  EXPECT_EQ(response_json(timed_out)["detail"], "Failed to fetch YouTube metadata: Timeout was reached");
  EXPECT_EQ(response_json(timed_out)["title"], "Bad Gateway");
  EXPECT_TRUE(host.data().calls().empty());

  OEmbedFixture failing({500, "oops"});
  FakeHost other("catalog", oembed_config(failing.url()));
  other.load<CatalogPlugin>();
  const auto failed = other.call(Method::Post, "/api/v1/videos", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}}, owner());
  EXPECT_EQ(failed.status, 502);
  EXPECT_EQ(response_json(failed)["detail"], "Failed to fetch YouTube metadata: oEmbed answered HTTP 500");
}

TEST(OEmbedSubmissionTest, PreviewReturnsTheOEmbedTitleOr404) {
  OEmbedFixture oembed({200, kOEmbedBody});
  FakeHost host("catalog", oembed_config(oembed.url()));
  host.load<CatalogPlugin>();
  const auto found = host.call(Method::Post, "/api/v1/videos/preview", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}});
  EXPECT_EQ(response_json(found), json({{"title", "Data modelling in Cassandra"}}));

  OEmbedFixture missing({404, "Not Found"});
  FakeHost other("catalog", oembed_config(missing.url()));
  other.load<CatalogPlugin>();
  const auto not_found = other.call(Method::Post, "/api/v1/videos/preview", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}});
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(response_json(not_found)["detail"], "Unable to retrieve video metadata from YouTube");
}

}  // namespace
}  // namespace killrvideo::catalog

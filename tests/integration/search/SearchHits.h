#pragma once
// The video ids a search answers over HTTP, in order: what the search tests compare.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/HttpClient.h"

namespace killrvideo::testing {

// `mode` is "semantic" or "keyword"; `query` is already URL-encoded.
inline std::vector<std::string> search_hits(HttpClient& client, const std::string& mode, const std::string& query) {
  const auto response = client.get("/api/v1/search/videos?mode=" + mode + "&query=" + query);
  EXPECT_EQ(response.status, 200) << response.body;
  const nlohmann::json page = response.json();
  std::vector<std::string> ids;
  for (const auto& item : page["data"]) ids.push_back(item["videoId"].get<std::string>());
  return ids;
}

}  // namespace killrvideo::testing

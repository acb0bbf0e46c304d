#pragma once
// A real EmbeddedEngine on a fresh temporary directory per test, and helpers to compare responses
// exactly while ignoring the random error ids.

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data/embedded/EmbeddedEngine.h"

namespace killrvideo::host::embedded::testing {

// Responses are compared as plain (key-sorted) JSON: these tests pin values, not key order. The order that
// matters, of clustering columns, is tested on its own (TableReadsTest).
using json = nlohmann::json;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Sends `command` to `target` (empty: the keyspace) in keyspace "ks".
  json run(const std::string& target, const nlohmann::ordered_json& command);
  // Destroys the engine (saving its indexes) and opens the same directory again.
  void reopen(int page_size = 50);
  // E1 + E3: the videos table with a vector index on content_features and an index on userid.
  void create_videos_table();
  // E2: latest_videos, partitioned by day, clustered by added_date DESC, videoid ASC.
  void create_latest_videos_table();

  std::filesystem::path dir_;
  std::unique_ptr<EmbeddedEngine> engine_;
};

// The response with every error and warning id checked to be a uuid and removed.
json without_ids(json response);
// Asserts the response is exactly {"errors":[{six fields}]} with these values (any id, any message),
// plus `status` when given (inserts report what they inserted even when a document failed).
void expect_error(const json& response, const std::string& scope, const std::string& code, const std::string& title,
                  const json& status = nullptr);
// The errorCode of each warning, in order.
std::vector<std::string> warning_codes(const json& response);

}  // namespace killrvideo::host::embedded::testing

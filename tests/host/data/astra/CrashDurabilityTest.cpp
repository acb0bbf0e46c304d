// Every write the server acknowledged survives a kill -9 of the server process: the embedded engine
// commits before it answers, and its vector index is rebuilt when the crash left it stale.

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data/astra/AstraDataClient.h"
#include "tests/host/data/astra/AstraTestConfig.h"
#include "tests/host/data/astra/DataApiProcess.h"

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;
using testing::astra_config;
using testing::DataApiProcess;
using testing::kTestToken;

constexpr int kRows = 200;

// Directions spread over half a circle, so that every row has a clearly nearest query.
json direction(int i) {
  const double angle = 3.141592653589793 * i / kRows;
  return {std::cos(angle), std::sin(angle), 0.0};
}

std::string note_id(int i) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
  return id;
}

TEST(CrashDurability, AcknowledgedWritesSurviveKillNine) {
  testing::TempDir data;
  {
    DataApiProcess server(kTestToken, data.path());
    AstraDataClient client(astra_config(server.base_url()));
    ASSERT_FALSE(client.execute("", json::parse(R"({"createTable":{"name":"notes","definition":{"columns":{
        "id":"uuid","body":"text","v":{"type":"vector","dimension":3}},"primaryKey":"id"}}})")).contains("errors"));
    ASSERT_FALSE(client.execute("notes", json::parse(R"({"createVectorIndex":{"name":"notes_v",
        "definition":{"column":"v"}}})")).contains("errors"));
    for (int i = 0; i < kRows; ++i) {
      const json written = client.execute(
          "notes", {{"insertOne", {{"document", {{"id", note_id(i)}, {"body", "note " + std::to_string(i)},
                                                 {"v", direction(i)}}}}}});
      ASSERT_FALSE(written.contains("errors")) << written.dump();
    }
    server.kill_hard();
  }
  DataApiProcess restarted(kTestToken, data.path());
  AstraDataClient client(astra_config(restarted.base_url()));
  int found = 0;
  for (int i = 0; i < kRows; ++i) {
    const json row = client.execute("notes", {{"findOne", {{"filter", {{"id", note_id(i)}}}}}});
    if (row["data"]["document"].is_object() && row["data"]["document"]["body"] == "note " + std::to_string(i)) ++found;
  }
  EXPECT_EQ(found, kRows);
  const json nearest =
      client.execute("notes", {{"find", {{"sort", {{"v", direction(kRows - 1)}}}, {"projection", {{"id", 1}}},
                                         {"options", {{"limit", 1}}}}}});
  ASSERT_EQ(nearest["data"]["documents"].size(), 1U) << nearest.dump();
  EXPECT_EQ(nearest["data"]["documents"][0]["id"], note_id(kRows - 1)) << "the vector index covers every row";
}

}  // namespace
}  // namespace killrvideo::host::astra

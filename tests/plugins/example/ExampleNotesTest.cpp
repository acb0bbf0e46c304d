// The example's notes on the real embedded engine, through the testing kit's EngineBackedHost.
#include "ExamplePlugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::example::ExamplePlugin;
using killrvideo::plugin::Method;
using killrvideo::plugin::Principal;
using killrvideo::plugin::testing::EngineBackedHost;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
namespace replies = killrvideo::plugin::testing::replies;
using nlohmann::json;

const Principal kAuthor{"9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10", {"viewer"}};

class ExampleNotesTest : public ::testing::Test {
 protected:
  ExampleNotesTest() {
    host_.load<ExamplePlugin>();
    host_.fake().clock().set_now_ms(1'750'000'000'000);
  }
  EngineBackedHost host_{"example"};
};

TEST_F(ExampleNotesTest, ANoteIsStoredAndReadBack) {
  const auto added = host_.fake().call(Method::Post, "/api/v1/example/notes", {{"body", "Partitions first"}}, kAuthor);
  ASSERT_EQ(added.status, 201) << added.body;
  const json note = response_json(added);
  EXPECT_EQ(note["author"], kAuthor.user_id);
  EXPECT_EQ(note["body"], "Partitions first");

  const auto read = host_.fake().call(Method::Get, "/api/v1/example/notes/" + note["noteId"].get<std::string>());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(response_json(read)["body"], "Partitions first");
  EXPECT_EQ(response_json(read)["author"], kAuthor.user_id);
  const auto calls = host_.take_calls();
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_TRUE(calls[0].command.contains("insertOne"));
  EXPECT_TRUE(calls[1].command.contains("findOne"));
}

TEST_F(ExampleNotesTest, AnUnknownNoteIs404AndABadBodyIs422WithoutAWrite) {
  const auto missing = host_.fake().call(Method::Get, "/api/v1/example/notes/00000000-0000-4000-8000-0000000000ff");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(response_json(missing)["detail"], "Note not found");
  host_.take_calls();

  const auto empty = host_.fake().call(Method::Post, "/api/v1/example/notes", {{"body", ""}}, kAuthor);
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(response_json(empty)["detail"][0]["type"], "string_too_short");
  const auto too_long = host_.fake().call(Method::Post, "/api/v1/example/notes", {{"body", std::string(501, 'x')}}, kAuthor);
  EXPECT_EQ(response_json(too_long)["detail"][0]["type"], "string_too_long");
  EXPECT_TRUE(host_.take_calls().empty());
}

TEST(ExampleNotesOutageTest, AnUnreachableDatabaseIs503) {
  FakeHost host("example");
  host.load<ExamplePlugin>();
  host.data().queue_response(replies::unavailable());
  const auto response = host.call(Method::Get, "/api/v1/example/notes/00000000-0000-4000-8000-0000000000ff");
  EXPECT_EQ(response.status, 503);
}

}  // namespace

// What a plugin registers through data::own, and the DDL the host derives from it.
#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/Schema.h"
#include "killrvideo/plugin/data/SchemaCommands.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace {

using killrvideo::plugin::data::CollectionSpec;
using killrvideo::plugin::data::ColumnType;
using killrvideo::plugin::data::TableSpec;
using killrvideo::plugin::data::VectorMetric;
using killrvideo::plugin::testing::FakeHost;
using json = nlohmann::ordered_json;
namespace data = killrvideo::plugin::data;

TableSpec notes() {
  return TableSpec("notes")
      .column("note_id", "uuid")
      .column("author", "uuid")
      .column("v", ColumnType::vector(2))
      .partition_by({"note_id"})
      .index("notes_author_idx", "author")
      .vector_index("notes_v_idx", "v", VectorMetric::Cosine);
}

TEST(Schema, OwnRegistersTheTableDocument) {
  FakeHost host("test");
  data::own(host, notes());
  ASSERT_EQ(host.owned_tables().size(), 1u);
  EXPECT_EQ(host.owned_tables()[0].name, "notes");
  EXPECT_EQ(host.owned_tables()[0].definition, notes().to_json());
}

TEST(Schema, OwnRegistersTheCollectionOptions) {
  FakeHost host("test");
  data::own(host, CollectionSpec("stats").vector(2));
  ASSERT_EQ(host.owned_collections().size(), 1u);
  EXPECT_EQ(host.owned_collections()[0].name, "stats");
  EXPECT_EQ(host.owned_collections()[0].definition, json::parse(R"({"vector":{"dimension":2,"metric":"cosine"}})"));
}

TEST(SchemaCommands, TheHostRebuildsTheSpecsCommandsFromTheDocument) {
  const json document = notes().to_json();
  EXPECT_EQ(data::create_table_command("notes", document, true), notes().create_table_command(true));
  EXPECT_EQ(data::create_index_commands(document, false), notes().create_index_commands(false));
  EXPECT_EQ(data::create_index_commands(document, false).front(),
            json::parse(R"({"createIndex":{"name":"notes_author_idx","definition":{"column":"author"}}})"));
}

TEST(SchemaCommands, CollectionCommand) {
  EXPECT_EQ(data::create_collection_command("c", json::parse(R"({"indexing":{"deny":["blob"]}})")),
            json::parse(R"({"createCollection":{"name":"c","options":{"indexing":{"deny":["blob"]}}}})"));
}

TEST(SchemaCommands, ABareDefinitionIsNotATableDocument) {
  const json bare = json::parse(R"({"columns":{"id":"uuid"},"primaryKey":"id"})");
  EXPECT_THROW(data::create_table_command("t", bare, true), std::invalid_argument);
  EXPECT_THROW(data::create_index_commands(bare, true), std::invalid_argument);
}

}  // namespace

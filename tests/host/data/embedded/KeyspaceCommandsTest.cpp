// Envelope rules, keyspace commands and table-level DDL (data-api-wire §1.4-§1.6, §3, §4.5).
#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

const json kOk = {{"status", {{"ok", 1}}}};

class KeyspaceCommandsTest : public EngineTest {};

TEST_F(KeyspaceCommandsTest, UnknownCommandIsRefused) {
  expect_error(run("", R"({"listEverything":{}})"_json), "", "COMMAND_UNKNOWN", "Command is not recognized by Data API");
}

TEST_F(KeyspaceCommandsTest, EnvelopeNeedsExactlyOneCommandWithAnObjectBody) {
  expect_error(run("", R"({"listTables":{},"findCollections":{}})"_json), "", "REQUEST_STRUCTURE_MISMATCH",
               "Request structure not valid");
  expect_error(run("", R"({"listTables":[]})"_json), "", "REQUEST_STRUCTURE_MISMATCH", "Request structure not valid");
}

TEST_F(KeyspaceCommandsTest, UnknownFieldInBodyOrOptionsIsRefused) {
  expect_error(run("", R"({"listTables":{"colour":1}})"_json), "", "COMMAND_FIELD_UNKNOWN", "Command field unknown");
  expect_error(run("", R"({"listTables":{"options":{"verbose":true}}})"_json), "", "COMMAND_FIELD_UNKNOWN",
               "Command field unknown");
}

TEST_F(KeyspaceCommandsTest, CreateTableThenListTablesWithAndWithoutExplain) {
  create_latest_videos_table();
  EXPECT_EQ(run("", R"({"listTables":{}})"_json), R"({"status":{"tables":["latest_videos"]}})"_json);
  EXPECT_EQ(run("", R"({"listTables":{"options":{"explain":true}}})"_json), R"({"status":{"tables":[{"name":"latest_videos",
      "definition":{"columns":{"day":{"type":"date"},"added_date":{"type":"timestamp"},"videoid":{"type":"uuid"},
      "name":{"type":"text"}},"primaryKey":{"partitionBy":["day"],"partitionSort":{"added_date":-1,"videoid":1}}}}]}})"_json);
}

TEST_F(KeyspaceCommandsTest, ExistingTableIsRefusedUnlessIfNotExists) {
  create_latest_videos_table();
  const json again = R"({"createTable":{"name":"latest_videos","definition":{"columns":{"day":"date"},"primaryKey":"day"}}})"_json;
  expect_error(run("", again), "SCHEMA", "CANNOT_ADD_EXISTING_TABLE", "Table with the same name exists in the keyspace schema");
  json tolerant = again;
  tolerant["createTable"]["options"] = {{"ifNotExists", true}};
  EXPECT_EQ(run("", tolerant), kOk);
}

TEST_F(KeyspaceCommandsTest, CounterAndTimeuuidColumnsAreRefused) {
  for (const char* type : {"counter", "timeuuid"}) {
    const json command = {{"createTable", {{"name", "t"}, {"definition", {{"columns", {{"id", "int"}, {"c", type}}},
                                                                          {"primaryKey", "id"}}}}}};
    expect_error(run("", command), "SCHEMA", "UNSUPPORTED_DATA_TYPE_TABLE_CREATION", "Table creation with unsupported data types");
  }
}

TEST_F(KeyspaceCommandsTest, ColumnTypeErrors) {
  expect_error(run("", R"({"createTable":{"name":"t","definition":{"columns":{"id":"int","c":"strange"},"primaryKey":"id"}}})"_json),
               "SCHEMA", "UNKNOWN_PRIMITIVE_DATA_TYPE", "Primitive data type is unknown");
  expect_error(run("", R"({"createTable":{"name":"t","definition":{"columns":{"id":"int","v":{"type":"vector"}},"primaryKey":"id"}}})"_json),
               "SCHEMA", "MISSING_DIMENSION_IN_VECTOR_COLUMN",
               "Dimension is required for vector column if embedding service is not specified");
  expect_error(run("", R"({"createTable":{"name":"t","definition":{"columns":{"id":"int"},"primaryKey":"nope"}}})"_json),
               "SCHEMA", "UNKNOWN_PARTITION_COLUMNS", "Partition columns are not defined in the table schema");
  expect_error(run("", R"({"createTable":{"name":"t","definition":{"columns":{"id":"int"},
               "primaryKey":{"partitionBy":["id"],"partitionSort":{"nope":1}}}}})"_json),
               "SCHEMA", "UNKNOWN_PARTITION_SORT_COLUMNS", "Partition sort columns are not defined in the table schema");
}

TEST_F(KeyspaceCommandsTest, AllContainerAndVectorTypesAreAccepted) {
  EXPECT_EQ(run("", R"({"createTable":{"name":"everything","definition":{"columns":{"id":"text",
      "l":{"type":"list","valueType":"int"},"s":{"type":"set","valueType":"uuid"},
      "m":{"type":"map","keyType":"text","valueType":"bigint"},"v":{"type":"vector","dimension":3},
      "d":"duration","b":"blob","t":"time","i":"inet","f":"float","dd":"decimal","vi":"varint"},"primaryKey":"id"}}})"_json),
            kOk);
}

TEST_F(KeyspaceCommandsTest, DropTable) {
  create_latest_videos_table();
  EXPECT_EQ(run("", R"({"dropTable":{"name":"latest_videos"}})"_json), kOk);
  EXPECT_EQ(run("", R"({"listTables":{}})"_json), R"({"status":{"tables":[]}})"_json);
  expect_error(run("", R"({"dropTable":{"name":"latest_videos"}})"_json), "SCHEMA", "CANNOT_DROP_UNKNOWN_TABLE",
               "Dropped table is not defined in the keyspace schema");
  EXPECT_EQ(run("", R"({"dropTable":{"name":"latest_videos","options":{"ifExists":true}}})"_json), kOk);
}

TEST_F(KeyspaceCommandsTest, CollectionsAreListedApartFromTables) {
  create_latest_videos_table();
  EXPECT_EQ(run("", R"({"createCollection":{"name":"video_stats"}})"_json), kOk);
  EXPECT_EQ(run("", R"({"createCollection":{"name":"docs","options":{"vector":{"dimension":3,"metric":"dot_product"}}}})"_json), kOk);
  EXPECT_EQ(run("", R"({"findCollections":{}})"_json), R"({"status":{"collections":["docs","video_stats"]}})"_json);
  EXPECT_EQ(run("", R"({"findCollections":{"options":{"explain":true}}})"_json), R"({"status":{"collections":[
      {"name":"docs","options":{"vector":{"dimension":3,"metric":"dot_product","sourceModel":"other"}}},
      {"name":"video_stats","options":{}}]}})"_json);
  EXPECT_EQ(run("", R"({"listTables":{}})"_json), R"({"status":{"tables":["latest_videos"]}})"_json);
  EXPECT_EQ(run("", R"({"createCollection":{"name":"video_stats"}})"_json), kOk);
  expect_error(run("", R"({"createCollection":{"name":"video_stats","options":{"vector":{"dimension":2}}}})"_json),
               "SCHEMA", "EXISTING_COLLECTION_DIFFERENT_SETTINGS", "Collection already exists with different settings");
  EXPECT_EQ(run("", R"({"deleteCollection":{"name":"video_stats"}})"_json), kOk);
  EXPECT_EQ(run("", R"({"findCollections":{}})"_json), R"({"status":{"collections":["docs"]}})"_json);
}

TEST_F(KeyspaceCommandsTest, UnknownTargetIsReported) {
  expect_error(run("nothing_here", R"({"find":{}})"_json), "SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE",
               "Collection or table does not exist");
}

TEST_F(KeyspaceCommandsTest, TablesRefuseCollectionOnlyCommands) {
  create_videos_table();
  for (const char* command : {"countDocuments", "estimatedDocumentCount", "updateMany", "findOneAndUpdate",
                              "findOneAndReplace", "findOneAndDelete"}) {
    expect_error(run("videos", {{command, json::object()}}), "", "UNSUPPORTED_TABLE_COMMAND", "Command is not supported by tables");
  }
}

TEST_F(KeyspaceCommandsTest, CollectionsRefuseTableOnlyCommands) {
  ASSERT_EQ(run("", R"({"createCollection":{"name":"c"}})"_json), kOk);
  expect_error(run("c", R"({"listIndexes":{}})"_json), "", "UNSUPPORTED_COLLECTION_COMMAND",
               "Command is not supported by collections");
}

TEST_F(KeyspaceCommandsTest, IndexesAreListedAndDroppedFromTheKeyspace) {
  create_videos_table();
  EXPECT_EQ(run("videos", R"({"listIndexes":{}})"_json),
            R"({"status":{"indexes":["videos_features_idx","videos_userid_idx"]}})"_json);
  ASSERT_EQ(run("videos", R"({"createIndex":{"name":"videos_name_idx","definition":{"column":"name"}}})"_json), kOk);
  EXPECT_EQ(run("videos", R"({"listIndexes":{"options":{"explain":true}}})"_json), R"({"status":{"indexes":[
      {"name":"videos_features_idx","definition":{"column":"content_features","options":{"metric":"cosine","sourceModel":"other"}},"indexType":"vector"},
      {"name":"videos_userid_idx","definition":{"column":"userid","options":{}},"indexType":"regular"},
      {"name":"videos_name_idx","definition":{"column":"name","options":{"ascii":false,"caseSensitive":true,"normalize":false}},"indexType":"regular"}]}})"_json);
  EXPECT_EQ(run("", R"({"dropIndex":{"name":"videos_name_idx"}})"_json), kOk);
  EXPECT_EQ(run("", R"({"dropIndex":{"name":"videos_features_idx"}})"_json), kOk);
  EXPECT_EQ(run("videos", R"({"listIndexes":{}})"_json), R"({"status":{"indexes":["videos_userid_idx"]}})"_json);
  expect_error(run("", R"({"dropIndex":{"name":"videos_name_idx"}})"_json), "SCHEMA", "CANNOT_DROP_UNKNOWN_INDEX",
               "Dropped index is not defined in the keyspace schema");
}

TEST_F(KeyspaceCommandsTest, IndexDefinitionErrors) {
  create_videos_table();
  expect_error(run("videos", R"({"createIndex":{"name":"videos_userid_idx","definition":{"column":"name"}}})"_json),
               "SCHEMA", "CANNOT_ADD_EXISTING_INDEX", "Index with the same name exists in the keyspace schema");
  expect_error(run("videos", R"({"createIndex":{"name":"x_idx","definition":{"column":"nope"}}})"_json),
               "SCHEMA", "UNKNOWN_INDEX_COLUMN", "Index column is not defined in the table schema");
  expect_error(run("videos", R"({"createVectorIndex":{"name":"v_idx","definition":{"column":"name"}}})"_json),
               "SCHEMA", "UNSUPPORTED_VECTOR_INDEX_FOR_DATA_TYPES", "Vector index not supported by data types");
  expect_error(run("videos", R"({"createIndex":{"name":"v_idx","definition":{"column":"content_features"}}})"_json),
               "SCHEMA", "UNSUPPORTED_INDEXING_FOR_DATA_TYPES", "Indexing not supported by data types");
}

TEST_F(KeyspaceCommandsTest, VectorIndexMetricFollowsTheSourceModel) {
  ASSERT_EQ(run("", R"({"createTable":{"name":"t","definition":{"columns":{"id":"int","a":{"type":"vector","dimension":2},
      "b":{"type":"vector","dimension":2}},"primaryKey":"id"}}})"_json), kOk);
  ASSERT_EQ(run("t", R"({"createVectorIndex":{"name":"a_idx","definition":{"column":"a","options":{"sourceModel":"openai-v3-small"}}}})"_json), kOk);
  ASSERT_EQ(run("t", R"({"createVectorIndex":{"name":"b_idx","definition":{"column":"b"}}})"_json), kOk);
  EXPECT_EQ(run("t", R"({"listIndexes":{"options":{"explain":true}}})"_json), R"({"status":{"indexes":[
      {"name":"a_idx","definition":{"column":"a","options":{"metric":"dot_product","sourceModel":"openai-v3-small"}},"indexType":"vector"},
      {"name":"b_idx","definition":{"column":"b","options":{"metric":"cosine","sourceModel":"other"}},"indexType":"vector"}]}})"_json);
  expect_error(run("t", R"({"createVectorIndex":{"name":"c_idx","definition":{"column":"a","options":{"metric":"manhattan"}}}})"_json),
               "SCHEMA", "CANNOT_ADD_EXISTING_INDEX", "Index with the same name exists in the keyspace schema");
}

TEST_F(KeyspaceCommandsTest, SchemaSurvivesReopen) {
  create_videos_table();
  reopen();
  EXPECT_EQ(run("", R"({"listTables":{}})"_json), R"({"status":{"tables":["videos"]}})"_json);
  EXPECT_EQ(run("videos", R"({"listIndexes":{}})"_json),
            R"({"status":{"indexes":["videos_features_idx","videos_userid_idx"]}})"_json);
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing

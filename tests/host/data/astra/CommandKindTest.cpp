#include "data/astra/CommandKind.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;

CommandKind kind_of(const char* name) { return command_kind(json{{name, json::object()}}); }

TEST(CommandKind, ReadsAreTheDocumentAndMetadataQueries) {
  for (const char* name : {"find", "findOne", "countDocuments", "estimatedDocumentCount", "listTables",
                           "listIndexes", "listTypes", "findCollections", "findKeyspaces",
                           "findEmbeddingProviders"}) {
    EXPECT_EQ(kind_of(name), CommandKind::Read) << name;
  }
}

TEST(CommandKind, WritesIncludeFindAndModifyAndDdl) {
  for (const char* name : {"insertOne", "insertMany", "updateOne", "deleteOne", "deleteMany", "findOneAndUpdate",
                           "findOneAndReplace", "findOneAndDelete", "createTable", "dropTable", "createIndex",
                           "alterTable", "createCollection", "deleteCollection"}) {
    EXPECT_EQ(kind_of(name), CommandKind::Write) << name;
  }
}

TEST(CommandKind, AnythingUnclearIsAWrite) {
  EXPECT_EQ(kind_of("FIND"), CommandKind::Write);
  EXPECT_EQ(command_kind(json::array({"find"})), CommandKind::Write);
  EXPECT_EQ(command_kind(json::object()), CommandKind::Write);
  EXPECT_EQ(command_kind(json{{"find", json::object()}, {"insertOne", json::object()}}), CommandKind::Write);
}

}  // namespace
}  // namespace killrvideo::host::astra

#include <gtest/gtest.h>

#include <stdexcept>

#include "killrvideo/plugin/data/TableSpec.h"

namespace {

using killrvideo::plugin::data::ColumnType;
using killrvideo::plugin::data::MapIndexTarget;
using killrvideo::plugin::data::SortOrder;
using killrvideo::plugin::data::TableSpec;
using killrvideo::plugin::data::TextIndexOptions;
using killrvideo::plugin::data::VectorMetric;
using json = nlohmann::ordered_json;

TableSpec videos() {
  return TableSpec("videos")
      .column("videoid", "uuid")
      .column("userid", "uuid")
      .column("name", "text")
      .column("description", "text")
      .column("category", "text")
      .column("added_date", "timestamp")
      .column("tags", ColumnType::set("text"))
      .column("views", "bigint")
      .column("content_features", ColumnType::vector(4))
      .partition_by({"videoid"})
      .vector_index("videos_features_idx", "content_features", VectorMetric::Cosine, "other")
      .index("videos_userid_idx", "userid");
}

TEST(TableSpec, CreateTableOfE1) {
  EXPECT_EQ(videos().create_table_command(true),
            json::parse(R"({"createTable":{"name":"videos","definition":{"columns":{
      "videoid":"uuid","userid":"uuid","name":"text","description":"text","category":"text",
      "added_date":"timestamp","tags":{"type":"set","valueType":"text"},"views":"bigint",
      "content_features":{"type":"vector","dimension":4}},
     "primaryKey":"videoid"},"options":{"ifNotExists":true}}})"));
}

TEST(TableSpec, IndexesOfE3) {
  EXPECT_EQ(videos().create_index_commands(true),
            std::vector<json>({json::parse(R"({"createIndex":{"name":"videos_userid_idx",
                                   "definition":{"column":"userid"},"options":{"ifNotExists":true}}})"),
                               json::parse(R"({"createVectorIndex":{"name":"videos_features_idx",
                                   "definition":{"column":"content_features",
                                   "options":{"metric":"cosine","sourceModel":"other"}},"options":{"ifNotExists":true}}})")}));
}

TEST(TableSpec, DocumentForTheRegistrar) {
  const json document = videos().to_json();
  EXPECT_EQ(document.at("definition"), videos().create_table_command(false).at("createTable").at("definition"));
  EXPECT_EQ(document.at("indexes"), json::parse(R"([{"name":"videos_userid_idx","definition":{"column":"userid"}}])"));
  EXPECT_EQ(document.at("vectorIndexes"), json::parse(R"([{"name":"videos_features_idx",
      "definition":{"column":"content_features","options":{"metric":"cosine","sourceModel":"other"}}}])"));
}

TEST(TableSpec, ClusteredTableOfE2) {
  const TableSpec latest = TableSpec("latest_videos")
                               .column("day", "date")
                               .column("added_date", "timestamp")
                               .column("videoid", "uuid")
                               .column("name", "text")
                               .partition_by({"day"})
                               .partition_sort("added_date", SortOrder::Descending)
                               .partition_sort("videoid", SortOrder::Ascending);
  EXPECT_EQ(latest.create_table_command(false), json::parse(R"({"createTable":{"name":"latest_videos",
      "definition":{"columns":{"day":"date","added_date":"timestamp","videoid":"uuid","name":"text"},
      "primaryKey":{"partitionBy":["day"],"partitionSort":{"added_date":-1,"videoid":1}}}}})"));
  EXPECT_TRUE(latest.create_index_commands(true).empty());
}

TEST(TableSpec, ClusteringColumnsKeepTheirKeyOrder) {
  // E2's comments_by_video: (created_at DESC, commentid ASC), not alphabetical.
  const TableSpec comments = TableSpec("comments_by_video")
                                 .column("videoid", "uuid")
                                 .column("created_at", "timestamp")
                                 .column("commentid", "uuid")
                                 .partition_by({"videoid"})
                                 .partition_sort("created_at", SortOrder::Descending)
                                 .partition_sort("commentid", SortOrder::Ascending);
  EXPECT_EQ(comments.to_json()["definition"]["primaryKey"].dump(),
            R"({"partitionBy":["videoid"],"partitionSort":{"created_at":-1,"commentid":1}})");
}

TEST(TableSpec, CompositePartitionKeyWithoutClustering) {
  const TableSpec spec = TableSpec("t").column("a", "int").column("b", "text").partition_by({"a", "b"});
  EXPECT_EQ(spec.to_json()["definition"]["primaryKey"], json::parse(R"({"partitionBy":["a","b"]})"));
}

TEST(TableSpec, TextAndMapIndexes) {
  const TableSpec spec = TableSpec("t")
                             .column("id", "uuid")
                             .column("category", "text")
                             .column("m", ColumnType::map("text", "int"))
                             .partition_by({"id"})
                             .index("category_idx", "category", TextIndexOptions{false, true, false})
                             .map_index("m_keys", "m", MapIndexTarget::Keys)
                             .map_index("m_values", "m", MapIndexTarget::Values)
                             .map_index("m_entries", "m", MapIndexTarget::Entries);
  EXPECT_EQ(spec.to_json()["indexes"], json::parse(R"([
      {"name":"category_idx","definition":{"column":"category",
          "options":{"caseSensitive":false,"normalize":true,"ascii":false}}},
      {"name":"m_keys","definition":{"column":{"m":"$keys"}}},
      {"name":"m_values","definition":{"column":{"m":"$values"}}},
      {"name":"m_entries","definition":{"column":"m"}}])"));
}

TEST(TableSpec, VectorIndexWithoutSourceModelAndOtherMetrics) {
  const TableSpec spec = TableSpec("t")
                             .column("id", "uuid")
                             .column("v", ColumnType::vector(3))
                             .column("w", ColumnType::vector(3))
                             .partition_by({"id"})
                             .vector_index("v_idx", "v", VectorMetric::DotProduct)
                             .vector_index("w_idx", "w", VectorMetric::Euclidean, "openai-v3-small");
  EXPECT_EQ(spec.to_json()["vectorIndexes"], json::parse(R"([
      {"name":"v_idx","definition":{"column":"v","options":{"metric":"dot_product"}}},
      {"name":"w_idx","definition":{"column":"w","options":{"metric":"euclidean","sourceModel":"openai-v3-small"}}}])"));
}

TEST(TableSpec, TextIndexesForMatchAndLexicalSort) {
  const TableSpec spec = videos().text_index("videos_name_text", "name").text_index("videos_desc_text", "description", "english");
  EXPECT_EQ(spec.to_json()["textIndexes"], json::parse(R"([
      {"name":"videos_name_text","definition":{"column":"name","options":{"analyzer":"standard"}}},
      {"name":"videos_desc_text","definition":{"column":"description","options":{"analyzer":"english"}}}])"));
  const auto commands = spec.create_index_commands(true);
  ASSERT_EQ(commands.size(), 4u);
  EXPECT_EQ(commands[2], json::parse(R"({"createTextIndex":{"name":"videos_name_text",
      "definition":{"column":"name","options":{"analyzer":"standard"}},"options":{"ifNotExists":true}}})"));
  EXPECT_EQ(commands[3]["createTextIndex"]["name"], "videos_desc_text");
  EXPECT_FALSE(videos().to_json().contains("textIndexes"));  // documents without text indexes are unchanged
}

TEST(TableSpec, InconsistentSpecsAreRefused) {
  const auto base = [] {
    return TableSpec("t")
        .column("id", "uuid")
        .column("n", "int")
        .column("v", ColumnType::vector(2))
        .partition_by({"id"});
  };
  EXPECT_THROW(TableSpec("t").column("id", "uuid").to_json(), std::invalid_argument);  // no partition key
  EXPECT_THROW(base().partition_by({"missing"}).to_json(), std::invalid_argument);
  EXPECT_THROW(base().partition_sort("missing", SortOrder::Ascending).to_json(), std::invalid_argument);
  EXPECT_THROW(base().index("i", "missing").to_json(), std::invalid_argument);
  EXPECT_THROW(base().index("i", "n", TextIndexOptions{}).to_json(), std::invalid_argument);
  EXPECT_THROW(base().map_index("i", "n", MapIndexTarget::Keys).to_json(), std::invalid_argument);
  EXPECT_THROW(base().index("i", "v").to_json(), std::invalid_argument);
  EXPECT_THROW(base().vector_index("i", "n", VectorMetric::Cosine).to_json(), std::invalid_argument);
  EXPECT_THROW(base().column("id", "text"), std::invalid_argument);
  EXPECT_THROW(base().text_index("i", "n").to_json(), std::invalid_argument);
  EXPECT_THROW(base().text_index("i", "missing").to_json(), std::invalid_argument);
  EXPECT_THROW(base().column("t", "text").text_index("i", "t", "").to_json(), std::invalid_argument);
}

}  // namespace

#include "services/LocalEmbedder.h"

#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

float dot(const std::vector<float>& a, const std::vector<float>& b) {
  return std::inner_product(a.begin(), a.end(), b.begin(), 0.0F);
}

TEST(LocalEmbedderTest, VectorsHaveTheConfiguredDimensionAndUnitLength) {
  LocalEmbedder embedder(384);
  const auto embedding = embedder.embed("Intro to vector search with Cassandra");
  ASSERT_TRUE(embedding.error.empty());
  ASSERT_EQ(embedding.vector.size(), 384U);
  EXPECT_NEAR(dot(embedding.vector, embedding.vector), 1.0F, 1e-5);
}

TEST(LocalEmbedderTest, SameTextSameVectorRegardlessOfCaseAndPunctuation) {
  LocalEmbedder embedder(64);
  EXPECT_EQ(embedder.embed("Cassandra, DATA modeling!").vector, embedder.embed("cassandra data modeling").vector);
}

TEST(LocalEmbedderTest, SharedWordsAreCloserThanUnrelatedText) {
  LocalEmbedder embedder(384);
  const auto query = embedder.embed("cassandra data modeling").vector;
  const auto related = embedder.embed("data modeling in apache cassandra").vector;
  const auto unrelated = embedder.embed("cooking fresh pasta at home").vector;
  EXPECT_GT(dot(query, related), 0.5F);
  EXPECT_GT(dot(query, related), dot(query, unrelated) + 0.3F);
}

TEST(LocalEmbedderTest, EmptyOrPunctuationOnlyTextIsAnError) {
  LocalEmbedder embedder(16);
  EXPECT_EQ(embedder.embed("   ").error, "Cannot generate embedding for empty text");
  EXPECT_EQ(embedder.embed("?!").error, "Cannot generate embedding for empty text");
  EXPECT_TRUE(embedder.embed("").vector.empty());
}

TEST(LocalEmbedderTest, QueriesAndDocumentsAreEmbeddedAlike) {
  LocalEmbedder embedder(64);
  EXPECT_EQ(embedder.embed_query("cassandra data modeling").vector, embedder.embed("cassandra data modeling").vector);
}

TEST(LocalEmbedderTest, ManyDocumentsGiveOneResultEachInOrder) {
  LocalEmbedder embedder(64);
  const auto embeddings = embedder.embed_documents({"cassandra", "", "vector search"});
  ASSERT_EQ(embeddings.size(), 3U);
  EXPECT_EQ(embeddings[0].vector, embedder.embed("cassandra").vector);
  EXPECT_EQ(embeddings[1].error, "Cannot generate embedding for empty text");
  EXPECT_EQ(embeddings[2].vector, embedder.embed("vector search").vector);
}

}  // namespace
}  // namespace killrvideo::host

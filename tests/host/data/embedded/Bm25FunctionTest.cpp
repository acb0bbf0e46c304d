// kv_bm25 against FTS5's own bm25(): the same ranking over rows of every length, for one term, several
// terms, a phrase and a prefix, with the row sizes read by a join as the text index's ranking query does.
#include "data/embedded/Bm25Function.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "data/embedded/Sqlite.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::host::embedded {
namespace {

using Ranked = std::vector<std::pair<double, std::int64_t>>;

class Bm25FunctionTest : public ::testing::Test {
 protected:
  void SetUp() override { connection_->exec("CREATE VIRTUAL TABLE docs USING fts5(body, content='')"); }

  // Rows of 1 to 20,000 words (token counts of one, two and three varint bytes) drawn from a small
  // vocabulary, so terms repeat within and across rows.
  void insert_rows(std::size_t count) {
    const std::vector<std::string> words{"cassandra", "python", "video", "practice", "vector", "search", "tags",
                                         "graph", "index", "token"};
    std::mt19937 generator(7);
    std::uniform_int_distribution<std::size_t> word(0, words.size() - 1);
    auto insert = connection_->prepare("INSERT INTO docs(rowid, body) VALUES (?, ?)");
    for (std::size_t row = 1; row <= count; ++row) {
      const std::size_t length = row % 50 == 0 ? 20000 : row % 7 == 0 ? 300 : 1 + row % 40;
      std::string body;
      for (std::size_t i = 0; i < length; ++i) body += words[word(generator)] + " ";
      insert.reset();
      insert.bind(1, static_cast<std::int64_t>(row)).bind(2, body);
      insert.step();
    }
  }

  Ranked ranked(const std::string& sql, const std::string& expression) {
    auto query = connection_->prepare(sql);
    query.bind(1, expression);
    Ranked rows;
    while (query.step()) rows.emplace_back(query.column_double(1), query.column_int(0));
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  Ranked by_fts5(const std::string& expression) {
    return ranked("SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ?1", expression);
  }
  Ranked by_kv_bm25(const std::string& expression) {
    return ranked(std::string("SELECT m.rowid, ") + kBm25Function +
                      "(m.docs, d.sz) FROM docs AS m CROSS JOIN docs_docsize AS d WHERE m.docs MATCH ?1 AND d.id = m.rowid",
                  expression);
  }

  const killrvideo::testing::TempDir dir_;
  const std::unique_ptr<Connection> connection_ = std::make_unique<Connection>(dir_.path() + "/test.db");
};

TEST_F(Bm25FunctionTest, RanksAsFts5sBm25) {
  insert_rows(600);
  for (const std::string expression : {"cassandra", "python practice", "\"vector search\"", "ind*", "graph OR token"}) {
    const auto expected = by_fts5(expression);
    const auto actual = by_kv_bm25(expression);
    ASSERT_FALSE(expected.empty()) << expression;
    ASSERT_EQ(actual.size(), expected.size()) << expression;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(actual[i].second, expected[i].second) << expression << " at rank " << i;
      EXPECT_NEAR(actual[i].first, expected[i].first, 1e-12 * std::fabs(expected[i].first)) << expression;
    }
  }
}

TEST_F(Bm25FunctionTest, AnArgumentThatIsNoDocsizeBlobIsAnError) {
  insert_rows(10);
  auto query = connection_->prepare(std::string("SELECT ") + kBm25Function + "(docs, 'text') FROM docs WHERE docs MATCH 'cassandra'");
  EXPECT_THROW(query.step(), std::runtime_error);
}

}  // namespace
}  // namespace killrvideo::host::embedded

// Records become column → text under the header; a record with the wrong number of fields is an error row.

#include <sstream>

#include <gtest/gtest.h>

#include "tools/loader/CsvTable.h"

namespace killrvideo::loader {
namespace {

TEST(CsvTableTest, NamesFieldsByTheHeader) {
  std::istringstream input("videoid,name\r\n42,\"Cassandra, explained\"\r\n");
  CsvTable table(input);
  EXPECT_EQ(table.columns(), (std::vector<std::string>{"videoid", "name"}));
  const auto row = table.next();
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->values, (plugin::ImportRow{{"videoid", "42"}, {"name", "Cassandra, explained"}}));
  EXPECT_EQ(row->line, 2u);
  EXPECT_EQ(row->error, "");
  EXPECT_FALSE(table.next().has_value());
}

TEST(CsvTableTest, AWrongFieldCountIsAnErrorRowAndTheNextRowStillReads) {
  std::istringstream input("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
  CsvTable table(input);
  const auto short_row = table.next();
  EXPECT_EQ(short_row->error, "expected 3 fields, found 2");
  EXPECT_EQ(short_row->line, 2u);
  EXPECT_TRUE(short_row->values.empty());
  EXPECT_EQ(table.next()->error, "expected 3 fields, found 4");
  const auto good = table.next();
  EXPECT_EQ(good->error, "");
  EXPECT_EQ(good->line, 4u);
  EXPECT_EQ(good->values.at("c"), "3");
}

TEST(CsvTableTest, AMalformedRecordKeepsTheReadersReason) {
  std::istringstream input("a\n\"x\"y\n");
  CsvTable table(input);
  EXPECT_EQ(table.next()->error, "unexpected text after a closing quote");
}

TEST(CsvTableTest, InputWithoutAHeaderIsRefused) {
  std::istringstream input("");
  EXPECT_THROW(CsvTable table(input), std::runtime_error);
}

}  // namespace
}  // namespace killrvideo::loader

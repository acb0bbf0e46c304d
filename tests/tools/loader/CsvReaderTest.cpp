// RFC 4180 records with the physical line each starts on, and a bad record reported and stepped over.

#include <sstream>

#include <gtest/gtest.h>

#include "tools/loader/CsvReader.h"

namespace killrvideo::loader {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(const std::string& text) {
  std::istringstream input(text);
  CsvReader reader(input);
  std::vector<CsvRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

TEST(CsvReaderTest, SplitsPlainFieldsOnCommasAndRecordsOnLineFeeds) {
  const auto records = read_all("a,b,c\n1,2,3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, ReadsTheLastRecordWithoutATrailingLineBreak) {
  const auto records = read_all("a,b\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
}

TEST(CsvReaderTest, KeepsEmptyFieldsIncludingTrailingOnes) {
  const auto records = read_all(",x,,\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"", "x", "", ""}));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommas) {
  const auto records = read_all("\"Hello, world\",2\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Hello, world", "2"}));
}

TEST(CsvReaderTest, DoubledQuotesInsideQuotesAreOneQuote) {
  const auto records = read_all("\"say \"\"hi\"\"\",\"\"\"\",\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"say \"hi\"", "\"", ""}));
}

TEST(CsvReaderTest, QuotedFieldsHoldLineBreaksAndLaterRecordsKeepTheirPhysicalLines) {
  const auto records = read_all("id,text\n1,\"first\nsecond\r\nthird\"\n2,next\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "first\nsecond\r\nthird"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields, (Fields{"2", "next"}));
  EXPECT_EQ(records[2].line, 5u);
}

TEST(CsvReaderTest, CrLfEndsARecordAndIsNotPartOfTheLastField) {
  const auto records = read_all("a,b\r\n1,2\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, ALoneCarriageReturnIsText) {
  const auto records = read_all("a\rb,c\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a\rb", "c"}));
}

TEST(CsvReaderTest, Utf8PassesThroughUnchangedAndALeadingByteOrderMarkIsDropped) {
  const auto records = read_all("\xEF\xBB\xBFname,city\n\"Tomás — “quoted”\",Zürich 東京\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "city"}));
  EXPECT_EQ(records[1].fields, (Fields{"Tomás — “quoted”", "Zürich 東京"}));
}

TEST(CsvReaderTest, SkipsBlankLinesButCountsThem) {
  const auto records = read_all("a\n\n\r\n\nb\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
  EXPECT_EQ(records[1].line, 5u);
}

TEST(CsvReaderTest, RaggedRecordsKeepTheirOwnFieldCountsAndLines) {
  const auto records = read_all("a,b,c\n1,2\n1,2,3,4\n\"x\ny\",z\n1,2,3\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields.size(), 4u);
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[3].fields, (Fields{"x\ny", "z"}));
  EXPECT_EQ(records[3].line, 4u);
  EXPECT_EQ(records[4].line, 6u);
}

TEST(CsvReaderTest, AQuoteInsideAnUnquotedFieldIsText) {
  const auto records = read_all("5\" disk,ok\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"5\" disk", "ok"}));
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsReportedAndTheNextRecordStillReads) {
  const auto records = read_all("\"ab\"c,d\n1,2\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "unexpected text after a closing quote");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(records[1].error, "");
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AQuoteLeftOpenIsReportedAtTheLineWhereItsRecordStarts) {
  const auto records = read_all("a,b\n1,\"never closed\n2,3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].error, "a quoted field is not closed before the end of the file");
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, CountsBytesReadForProgress) {
  std::istringstream input("a,b\n1,2\n");
  CsvReader reader(input);
  reader.next();
  EXPECT_EQ(reader.bytes_read(), 4u);
  reader.next();
  EXPECT_EQ(reader.bytes_read(), 8u);
  EXPECT_FALSE(reader.next().has_value());
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) { EXPECT_TRUE(read_all("").empty()); }

}  // namespace
}  // namespace killrvideo::loader

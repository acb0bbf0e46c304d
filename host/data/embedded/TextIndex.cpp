#include "data/embedded/TextIndex.h"

#include "data/embedded/Bm25Function.h"

#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

// Token characters as FTS5's unicode61 sees them for ASCII; bytes of multi-byte UTF-8 sequences stay
// inside tokens and unicode61 splits them further where it must.
bool is_token_byte(unsigned char byte) { return byte >= 0x80 || std::isalnum(byte); }

// Lucene's English stop words, which its "english" analyzer drops ("standard" keeps every word). They
// stay in the FTS5 index; leaving them out of the query is what makes "the matrix" match as on Astra.
bool is_english_stop_word(std::string term) {
  static const std::set<std::string> stop_words = {
      "a",  "an",  "and",  "are", "as",   "at",    "be",    "but",   "by",   "for",  "if",   "in",   "into", "is",
      "it", "no",  "not",  "of",  "on",   "or",    "such",  "that",  "the",  "their", "then", "there", "these",
      "they", "this", "to", "was", "will", "with"};
  for (char& c : term) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return stop_words.count(term) > 0;
}

// Terms hold token bytes only, never a quote, so quoting needs no escaping.
std::string quoted_term(const std::string& term) { return "\"" + term + "\""; }

std::string analyzer_of(const IndexDef& index) {
  return nlohmann::json::parse(index.options_json).value("analyzer", "standard");
}

}  // namespace

TextIndex::TextIndex(const std::string& storage_table, const IndexDef& index)
    : storage_table_(storage_table),
      column_(index.column),
      analyzer_(analyzer_of(index)),
      // '$' cannot be in an index name, so no regular index ("<table>_<name>") ever takes this name.
      fts_table_(storage_table + "$text_" + index.name) {}

std::string TextIndex::tokenizer_for(const std::string& analyzer) {
  // Lucene's standard analyzer lowercases and keeps diacritics; english adds Porter stemming.
  if (analyzer == "standard") return "unicode61 remove_diacritics 0";
  if (analyzer == "english") return "porter unicode61 remove_diacritics 0";
  fail("SCHEMA", "INVALID_TEXT_INDEX_ANALYZER",
       "The command used the analyzer '" + analyzer +
           "', which this local server does not implement; it implements \"standard\" and \"english\".");
}

std::string TextIndex::match_expression(const std::string& terms, const IndexDef& index) {
  const bool drop_stop_words = analyzer_of(index) == "english";
  // Quoting each term keeps FTS5's query syntax (AND, OR, NEAR, *, ^, column filters) out of user text;
  // splitting on separators first keeps "a-b" two terms rather than a phrase, as the analyzers do.
  std::string expression, term;
  auto flush = [&] {
    if (term.empty()) return;
    if (drop_stop_words && is_english_stop_word(term)) {
      term.clear();
      return;
    }
    expression += (expression.empty() ? "" : " ") + quoted_term(term);
    term.clear();
  };
  for (unsigned char byte : terms) {
    if (is_token_byte(byte)) term += static_cast<char>(byte);
    else flush();
  }
  flush();
  return expression;
}

void TextIndex::create(Connection& writer) const {
  const std::string fts = quote_identifier(fts_table_);
  const std::string table = quote_identifier(storage_table_);
  const std::string column = quote_identifier(column_);
  writer.exec("CREATE VIRTUAL TABLE " + fts + " USING fts5(body, content='', tokenize='" + tokenizer_for(analyzer_) + "')");
  writer.exec("INSERT INTO " + fts + " (rowid, body) SELECT rowid, " + column + " FROM " + table + " WHERE " + column +
              " IS NOT NULL");
  // A contentless FTS5 table forgets a row only when told the exact text it indexed: the old value.
  const std::string remove_old = "INSERT INTO " + fts + " (" + fts + ", rowid, body) SELECT 'delete', old.rowid, old." +
                                 column + " WHERE old." + column + " IS NOT NULL;";
  const std::string add_new =
      "INSERT INTO " + fts + " (rowid, body) SELECT new.rowid, new." + column + " WHERE new." + column + " IS NOT NULL;";
  writer.exec("CREATE TRIGGER " + quote_identifier(fts_table_ + "_insert") + " AFTER INSERT ON " + table + " BEGIN " +
              add_new + " END");
  writer.exec("CREATE TRIGGER " + quote_identifier(fts_table_ + "_delete") + " AFTER DELETE ON " + table + " BEGIN " +
              remove_old + " END");
  writer.exec("CREATE TRIGGER " + quote_identifier(fts_table_ + "_update") + " AFTER UPDATE OF " + column + " ON " + table +
              " BEGIN " + remove_old + " " + add_new + " END");
}

void TextIndex::drop(Connection& writer) const {
  for (const char* event : {"_insert", "_delete", "_update"})
    writer.exec("DROP TRIGGER IF EXISTS " + quote_identifier(fts_table_ + event));
  writer.exec("DROP TABLE IF EXISTS " + quote_identifier(fts_table_));
}

std::string TextIndex::matching_rowids() const {
  const std::string fts = quote_identifier(fts_table_);
  return "SELECT rowid FROM " + fts + " WHERE " + fts + " MATCH ?";
}

std::string TextIndex::ranked_rowids_between() const {
  const std::string fts = quote_identifier(fts_table_);
  // CROSS JOIN keeps the matches the outer loop: each looks up its own row of docsize.
  return "SELECT m.rowid, " + std::string(kBm25Function) + "(m." + fts + ", d.sz) FROM " + fts + " AS m CROSS JOIN " +
         quote_identifier(fts_table_ + "_docsize") + " AS d WHERE m." + fts +
         " MATCH ?1 AND m.rowid >= ?2 AND m.rowid < ?3 AND d.id = m.rowid";
}

std::string TextIndex::highest_rowid() const { return "SELECT max(rowid) FROM " + quote_identifier(storage_table_); }

std::string TextIndex::row_matches(const std::string& row_rowid) const {
  const std::string fts = quote_identifier(fts_table_);
  return "EXISTS (SELECT 1 FROM " + fts + " WHERE " + fts + " MATCH ? AND rowid = " + row_rowid + ")";
}

}  // namespace killrvideo::host::embedded

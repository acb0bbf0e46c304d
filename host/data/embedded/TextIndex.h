#pragma once
// One table text index (data-api-wire §4.5 createTextIndex): an FTS5 table beside the storage table,
// kept in step with it by triggers, so every write path (upserts, updates, deletes, truncation)
// maintains it inside the writer's own transaction. The FTS5 table is contentless: it holds the
// analysed terms and BM25 statistics only, the text stays in the storage table.

#include <string>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

class TextIndex {
 public:
  TextIndex(const std::string& storage_table, const IndexDef& index);

  // The analyzers this server implements (the Data API's Lucene "standard" and "english"), as an FTS5
  // tokenizer; fails with the Data API's error for anything else.
  static std::string tokenizer_for(const std::string& analyzer);
  // The FTS5 query that matches rows holding every term of `terms` (space separated, as the Data API
  // takes them), without the stop words the index's analyzer drops; empty when no term is left.
  static std::string match_expression(const std::string& terms, const IndexDef& index);

  // Creates the FTS5 table and its triggers and indexes the rows already stored.
  void create(Connection& writer) const;
  void drop(Connection& writer) const;

  // SQL naming the rowids of the storage table's rows that match the bound expression.
  std::string matching_rowids() const;
  // The rowids and BM25 scores (negated: lower is better) of the matching rows with rowid in [?2, ?3), in no
  // order: the caller sorts. FTS5's own `ORDER BY rank` costs as much, and selecting `rank` beside it
  // would compute the score a second time for every row. The scores are kv_bm25's (Bm25Function.h):
  // bm25()'s ranking at a third of its cost.
  std::string ranked_rowids_between() const;
  // SQL giving the storage table's highest rowid (none when empty).
  std::string highest_rowid() const;
  // A condition on one storage row (`row_rowid`) that costs one lookup, for row-at-a-time checks.
  std::string row_matches(const std::string& row_rowid) const;

 private:
  std::string storage_table_;
  std::string column_;
  std::string analyzer_;
  std::string fts_table_;
};

}  // namespace killrvideo::host::embedded

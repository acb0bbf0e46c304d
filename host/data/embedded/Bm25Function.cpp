#include "data/embedded/Bm25Function.h"

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace killrvideo::host::embedded {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What one query's rows share: computed at its first row, kept by FTS5 until the query ends.
struct QueryStatistics {
  std::vector<double> idf;         // per phrase
  std::vector<double> frequencies;  // per phrase, the current row's (scratch)
  double average_length = 0;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* rows) {
  ++*static_cast<sqlite3_int64*>(rows);
  return SQLITE_OK;
}

// As fts5_aux.c's fts5Bm25GetData: IDF per phrase from the rows that hold it, and the mean row length.
int statistics_of(const Fts5ExtensionApi* api, Fts5Context* fts, QueryStatistics*& statistics) {
  statistics = static_cast<QueryStatistics*>(api->xGetAuxdata(fts, 0));
  if (statistics) return SQLITE_OK;
  auto* fresh = new QueryStatistics;
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) fresh->average_length = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  for (int phrase = 0; rc == SQLITE_OK && phrase < phrases; ++phrase) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, phrase, &hits, count_row);
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    fresh->idf.push_back(idf);
  }
  fresh->frequencies.resize(static_cast<std::size_t>(phrases));
  if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, fresh, [](void* data) { delete static_cast<QueryStatistics*>(data); });
  else delete fresh;
  statistics = static_cast<QueryStatistics*>(api->xGetAuxdata(fts, 0));
  return rc;
}

// The docsize blob: one SQLite varint per column (fts5 PutVarint: big-endian groups of 7 bits, a ninth
// byte of 8); their sum is the row's token count.
bool total_tokens(const unsigned char* blob, int size, double& tokens) {
  std::uint64_t total = 0, value = 0;
  int in_value = 0;
  for (int at = 0; at < size; ++at) {
    if (in_value == 8) {
      value = (value << 8) | blob[at];
    } else {
      value = (value << 7) | (blob[at] & 0x7f);
      if (blob[at] & 0x80) {
        ++in_value;
        continue;
      }
    }
    total += value;
    value = 0;
    in_value = 0;
  }
  tokens = static_cast<double>(total);
  return in_value == 0;
}

void bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argument_count,
          sqlite3_value** arguments) {
  double length = 0;
  if (argument_count != 1 || sqlite3_value_type(arguments[0]) != SQLITE_BLOB ||
      !total_tokens(static_cast<const unsigned char*>(sqlite3_value_blob(arguments[0])),
                    sqlite3_value_bytes(arguments[0]), length)) {
    sqlite3_result_error(result, "kv_bm25 takes the row's docsize blob", -1);
    return;
  }
  QueryStatistics* statistics = nullptr;
  int rc = statistics_of(api, fts, statistics);
  if (rc == SQLITE_OK && !statistics) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  int instances = 0;
  rc = api->xInstCount(fts, &instances);
  auto& frequencies = statistics->frequencies;
  std::fill(frequencies.begin(), frequencies.end(), 0.0);
  for (int instance = 0; rc == SQLITE_OK && instance < instances; ++instance) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, instance, &phrase, &column, &offset);
    if (rc == SQLITE_OK) frequencies[static_cast<std::size_t>(phrase)] += 1.0;  // every column weighs 1
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double score = 0.0;
  for (std::size_t phrase = 0; phrase < frequencies.size(); ++phrase)
    score += statistics->idf[phrase] * ((frequencies[phrase] * (kK1 + 1.0)) /
                                        (frequencies[phrase] + kK1 * (1 - kB + kB * length / statistics->average_length)));
  sqlite3_result_double(result, -1.0 * score);
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

}  // namespace

void register_bm25_function(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api || api->xCreateFunction(api, kBm25Function, nullptr, bm25, nullptr) != SQLITE_OK)
    throw std::runtime_error("SQLite has no FTS5: cannot register kv_bm25");
}

}  // namespace killrvideo::host::embedded

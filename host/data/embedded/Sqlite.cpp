#include "data/embedded/Sqlite.h"

#include "data/embedded/Bm25Function.h"

#include <stdexcept>

#include <sqlite3.h>

namespace killrvideo::host::embedded {

namespace {

[[noreturn]] void throw_sqlite(sqlite3* db, const std::string& what) {
  throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// SQLite counts every allocation under one process-wide mutex unless told not to: two threads reading at
// once (a search split over the cores) then spend a tenth of their time waking each other on it. The counts
// feed sqlite3_memory_used(), which nothing here reads. Configuring must come before SQLite initialises.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
    throw_sqlite(db, "prepare failed for `" + sql + "`");
}

Statement::Statement(sqlite3* db, sqlite3_stmt* cached, bool* in_use)
    : db_(db), stmt_(cached), borrowed_flag_(in_use) {
  *borrowed_flag_ = true;
}

Statement::~Statement() {
  if (borrowed_flag_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *borrowed_flag_ = false;
}

Statement& Statement::bind(int index, const SqlValue& value) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(value)) {
    rc = sqlite3_bind_null(stmt_, index);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    rc = sqlite3_bind_int64(stmt_, index, *integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    rc = sqlite3_bind_double(stmt_, index, *real);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    rc = sqlite3_bind_text(stmt_, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
  } else {
    const auto& blob = std::get<Blob>(value).bytes;
    rc = sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
  }
  if (rc != SQLITE_OK) throw_sqlite(db_, "bind failed");
  return *this;
}

Statement& Statement::bind_all(const std::vector<SqlValue>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) bind(static_cast<int>(i + 1), values[i]);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite(db_, "step failed");
}

void Statement::reset() { sqlite3_reset(stmt_); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string_view Statement::column_blob(int index) const {
  if (sqlite3_column_type(stmt_, index) != SQLITE_BLOB) return {};
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

SqlValue Statement::column(int index) const {
  switch (sqlite3_column_type(stmt_, index)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt_, index));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt_, index);
    case SQLITE_TEXT: return column_text(index);
    case SQLITE_BLOB: {
      const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
      return Blob{std::string(data, data + sqlite3_column_bytes(stmt_, index))};
    }
    default: return std::monostate{};
  }
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))) : std::string();
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

Connection::Connection(const std::string& path) {
  configure_sqlite_once();
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open SQLite database " + path + ": " + message);
  }
  // Readers and the writer share the file: wait for locks instead of failing with SQLITE_BUSY.
  sqlite3_busy_timeout(db_, 10000);
  register_bm25_function(db_);
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.statement);
  sqlite3_close_v2(db_);
}

Statement Connection::prepare(const std::string& sql) {
  constexpr std::size_t kMaxCachedStatements = 512;
  const auto found = cache_.find(sql);
  if (found != cache_.end()) {
    // The same query already in use on this connection (nested in its own loop) gets a copy of its own.
    if (found->second.in_use) return Statement(db_, sql);
    return Statement(db_, found->second.statement, &found->second.in_use);
  }
  if (cache_.size() >= kMaxCachedStatements) {
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (it->second.in_use) {
        ++it;
        continue;
      }
      sqlite3_finalize(it->second.statement);
      it = cache_.erase(it);
    }
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
    throw_sqlite(db_, "prepare failed for `" + sql + "`");
  }
  auto& cached = cache_[sql];
  cached.statement = statement;
  return Statement(db_, statement, &cached.in_use);
}

void Connection::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("SQL failed (`" + sql + "`): " + message);
  }
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Transaction::Transaction(Connection& connection, bool immediate)
    : connection_(connection), savepoint_(connection.in_transaction()) {
  connection_.prepare(savepoint_ ? "SAVEPOINT command" : immediate ? "BEGIN IMMEDIATE" : "BEGIN").run();
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    if (savepoint_) {
      connection_.prepare("ROLLBACK TO command").run();
      connection_.prepare("RELEASE command").run();
    } else {
      connection_.prepare("ROLLBACK").run();
    }
  } catch (...) {
    // The transaction may already be gone (SQLite rolls back on some errors); nothing left to undo.
  }
}

void Transaction::commit() {
  connection_.prepare(savepoint_ ? "RELEASE command" : "COMMIT").run();
  open_ = false;
}

}  // namespace killrvideo::host::embedded

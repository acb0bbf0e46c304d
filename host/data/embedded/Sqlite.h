#pragma once
// A thin RAII layer over the SQLite C API. Values always travel as bound parameters; identifiers are
// quoted with quote_identifier() and come only from names validated against the catalog.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace killrvideo::host::embedded {

struct Blob {
  std::string bytes;
  bool operator==(const Blob& other) const { return bytes == other.bytes; }
};
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

// "name" with embedded quotes doubled.
std::string quote_identifier(const std::string& name);

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  // Borrows a statement kept by Connection's cache; destruction resets it and gives it back.
  Statement(sqlite3* db, sqlite3_stmt* cached, bool* in_use);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const SqlValue& value);  // 1-based
  Statement& bind_all(const std::vector<SqlValue>& values);
  // True while a row is available; throws on errors.
  bool step();
  void run() { while (step()) {} }
  // Ready to be bound and stepped again: one statement serves a loop of lookups.
  void reset();
  SqlValue column(int index) const;
  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  // A BLOB column's bytes where SQLite holds them (valid until the next step or reset): reading a vector
  // without copying it twice. Empty when the column is not a BLOB.
  std::string_view column_blob(int index) const;
  int column_count() const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool* borrowed_flag_ = nullptr;  // set while borrowed from the cache; null when this object owns stmt_
};

class Connection {
 public:
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const std::string& sql);
  // Parsing SQL costs more than running a primary-key lookup, so each connection keeps its prepared
  // statements by text and hands them out again once the previous use has finished.
  Statement prepare(const std::string& sql);
  std::int64_t last_insert_rowid() const;
  // Whether a transaction is open (SQLite is not in autocommit mode).
  bool in_transaction() const;

 private:
  sqlite3* db_ = nullptr;
  struct Cached {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };
  std::unordered_map<std::string, Cached> cache_;
};

// BEGIN on construction, ROLLBACK on destruction unless commit() ran. Writers use IMMEDIATE so the
// write lock is taken up front; readers use a deferred transaction for a consistent snapshot.
// Inside a transaction already open on the connection (the held commits of Database) it is a savepoint
// instead: commit() releases it into the outer transaction, destruction undoes this one's work alone.
class Transaction {
 public:
  Transaction(Connection& connection, bool immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool savepoint_;
  bool open_ = true;
};

}  // namespace killrvideo::host::embedded

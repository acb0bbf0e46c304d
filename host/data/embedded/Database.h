#pragma once
// The SQLite file and its connections: one writer behind a mutex (SQLite allows one writer at a
// time anyway, and serialising here makes read-modify-write commands such as $inc atomic), and a
// pool of reader connections that WAL lets run alongside the writer.

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

class Database {
 public:
  explicit Database(const std::filesystem::path& file);

  class WriterLease {
   public:
    explicit WriterLease(Database& database) : lock_(database.writer_mutex_), connection_(*database.writer_) {}
    Connection& connection() { return connection_; }

   private:
    std::unique_lock<std::mutex> lock_;
    Connection& connection_;
  };

  class ReaderLease {
   public:
    explicit ReaderLease(Database& database);
    ~ReaderLease();
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    Connection& connection() { return *connection_; }

   private:
    Database& database_;
    std::unique_ptr<Connection> connection_;
  };

  WriterLease writer() { return WriterLease(*this); }
  ReaderLease reader() { return ReaderLease(*this); }

 private:
  std::unique_ptr<Connection> open_connection() const;

  std::string path_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace killrvideo::host::embedded

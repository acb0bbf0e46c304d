#pragma once
// The SQLite file and its connections: one writer behind a mutex (SQLite allows one writer at a
// time anyway, and serialising here makes read-modify-write commands such as $inc atomic), and a
// pool of reader connections that WAL lets run alongside the writer.
//
// A bulk load may hold commits (hold_commits): every write then joins one transaction left open on the
// writer until commit_held(), each command in a savepoint of its own, and reads go through the writer so
// they see those writes. One commit per thousand rows instead of one per command is what makes a load
// fast; the loader commits between rows, so a crash loses whole rows that a re-run writes again.

#include <atomic>
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
    explicit WriterLease(Database& database);
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
    std::unique_lock<std::mutex> writer_lock_;  // held while commits are held: the read uses the writer
    std::unique_ptr<Connection> pooled_;
    Connection* connection_ = nullptr;
  };

  WriterLease writer() { return WriterLease(*this); }
  ReaderLease reader() { return ReaderLease(*this); }
  // Another reader for a read that splits its work over threads, or none: none while commits are held
  // (every read then goes through the writer, and a second lease would wait on the first), and none when
  // no reader is idle and the pool already holds two per core (a server that busy gains nothing from
  // splitting a read, and each connection keeps its own page cache).
  std::unique_ptr<ReaderLease> spare_reader();

  // From now on writes join one open transaction until commit_held() (see above).
  void hold_commits();
  // Commits what the held transaction has gathered; commits are still held afterwards.
  void commit_held();
  // Commits what is held, and every write commits on its own again.
  void stop_holding();

 private:
  std::unique_ptr<Connection> open_connection() const;

  std::string path_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  std::atomic<bool> holding_{false};
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  std::size_t readers_opened_ = 0;  // pooled reader connections, idle or leased
};

}  // namespace killrvideo::host::embedded

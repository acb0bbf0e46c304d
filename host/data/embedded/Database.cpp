#include "data/embedded/Database.h"

#include <algorithm>
#include <thread>

namespace killrvideo::host::embedded {

namespace {

// 16 MiB of pages per connection (SQLite's default is 2 MiB), for the pages the file map below does not
// serve: those of the write-ahead log, the writer's, and a file beyond the map's size.
constexpr const char* kPageCachePragma = "PRAGMA cache_size=-16384";
// Each connection reads the database file through a map of it rather than a system call and a copy per page:
// a semantic search looks up 1,200 rows, one page each, scattered over the table. Side by side
// (tools/benchmarks/search/compare-builds.sh, 100,000 videos) the 1,000-hit search took ×0.89 the CPU and
// keyword search ×0.93; the process's own memory halved (its page caches no longer hold copies of the
// file's pages). Its RSS counts the file's pages once per connection that touched them; PSS is the
// memory it holds. SQLite clamps the size to its build's maximum (2 GiB in Debian's): a larger file is read
// beyond that as before. A read error in a mapped page stops the process (SIGBUS) instead of failing the read.
constexpr const char* kFileMapPragma = "PRAGMA mmap_size=2147418112";

}  // namespace

Database::Database(const std::filesystem::path& file) : path_(file.string()) {
  writer_ = open_connection();
  writer_->exec("PRAGMA journal_mode=WAL");
  // NORMAL in WAL mode: a commit survives a process kill (only an OS crash may lose the last ones).
  writer_->exec("PRAGMA synchronous=NORMAL");
}

std::unique_ptr<Connection> Database::open_connection() const {
  auto connection = std::make_unique<Connection>(path_);
  connection->exec(kPageCachePragma);
  connection->exec(kFileMapPragma);
  return connection;
}

void Database::hold_commits() {
  std::lock_guard<std::mutex> lock(writer_mutex_);
  // A held transaction gathers megabytes of pages: kept in memory (64 MiB) until the commit instead of
  // spilling to the log midway (16 MiB otherwise). And the log is copied into the database
  // every 64 MiB rather than every 4 MiB, so a page that many batches change (a count, an index node) is
  // copied once per checkpoint, not once per batch.
  writer_->exec("PRAGMA cache_size=-65536");
  writer_->exec("PRAGMA wal_autocheckpoint=16384");
  holding_ = true;
}

void Database::commit_held() {
  std::lock_guard<std::mutex> lock(writer_mutex_);
  if (writer_->in_transaction()) writer_->prepare("COMMIT").run();
}

void Database::stop_holding() {
  std::lock_guard<std::mutex> lock(writer_mutex_);
  if (!holding_) return;
  if (writer_->in_transaction()) writer_->prepare("COMMIT").run();
  writer_->exec(kPageCachePragma);
  writer_->exec("PRAGMA wal_autocheckpoint=1000");
  holding_ = false;
}

Database::WriterLease::WriterLease(Database& database)
    : lock_(database.writer_mutex_), connection_(*database.writer_) {
  if (database.holding_ && !connection_.in_transaction()) connection_.prepare("BEGIN IMMEDIATE").run();
}

std::unique_ptr<Database::ReaderLease> Database::spare_reader() {
  if (holding_) return nullptr;
  {
    std::lock_guard<std::mutex> lock(readers_mutex_);
    // Counted once: hardware_concurrency() reads the system's CPU list, and this runs on every large read.
    static const std::size_t enough = 2 * std::max(1U, std::thread::hardware_concurrency());
    if (idle_readers_.empty() && readers_opened_ >= enough) return nullptr;
  }
  return std::make_unique<ReaderLease>(*this);
}

Database::ReaderLease::ReaderLease(Database& database) : database_(database) {
  if (database_.holding_) {
    writer_lock_ = std::unique_lock<std::mutex>(database_.writer_mutex_);
    connection_ = database_.writer_.get();
    return;
  }
  {
    std::lock_guard<std::mutex> lock(database_.readers_mutex_);
    if (!database_.idle_readers_.empty()) {
      pooled_ = std::move(database_.idle_readers_.back());
      database_.idle_readers_.pop_back();
    }
  }
  if (!pooled_) {
    pooled_ = database_.open_connection();
    std::lock_guard<std::mutex> lock(database_.readers_mutex_);
    ++database_.readers_opened_;
  }
  connection_ = pooled_.get();
}

Database::ReaderLease::~ReaderLease() {
  if (!pooled_) return;
  std::lock_guard<std::mutex> lock(database_.readers_mutex_);
  database_.idle_readers_.push_back(std::move(pooled_));
}

}  // namespace killrvideo::host::embedded

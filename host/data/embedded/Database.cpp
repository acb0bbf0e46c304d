#include "data/embedded/Database.h"

#include <algorithm>
#include <thread>

namespace killrvideo::host::embedded {

namespace {

// 16 MiB of pages per connection (SQLite's default is 2 MiB): a semantic search reads the rows of its best
// 100 candidates, then of its best 1,080 (most of the same rows); at 1.5 kB a vector, 2 MiB held too few
// of those pages for the second read to find them, so it paid a system call per row. (Mapping the file
// instead, mmap_size, measured no faster, and every connection's mapping counts again in the RSS.)
constexpr const char* kPageCachePragma = "PRAGMA cache_size=-16384";

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

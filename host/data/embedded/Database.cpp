#include "data/embedded/Database.h"

namespace killrvideo::host::embedded {

Database::Database(const std::filesystem::path& file) : path_(file.string()) {
  writer_ = open_connection();
  writer_->exec("PRAGMA journal_mode=WAL");
  // NORMAL in WAL mode: a commit survives a process kill (only an OS crash may lose the last ones).
  writer_->exec("PRAGMA synchronous=NORMAL");
}

std::unique_ptr<Connection> Database::open_connection() const {
  return std::make_unique<Connection>(path_);
}

Database::ReaderLease::ReaderLease(Database& database) : database_(database) {
  {
    std::lock_guard<std::mutex> lock(database_.readers_mutex_);
    if (!database_.idle_readers_.empty()) {
      connection_ = std::move(database_.idle_readers_.back());
      database_.idle_readers_.pop_back();
    }
  }
  if (!connection_) connection_ = database_.open_connection();
}

Database::ReaderLease::~ReaderLease() {
  std::lock_guard<std::mutex> lock(database_.readers_mutex_);
  database_.idle_readers_.push_back(std::move(connection_));
}

}  // namespace killrvideo::host::embedded

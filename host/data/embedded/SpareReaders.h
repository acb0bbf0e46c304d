#pragma once
// Readers beside a command's own, for a read that splits its work over threads (ParallelRanges.h), each in
// a read transaction of its own for as long as this lives.
//
// Their transactions begin a moment after the command's: a row written in between is seen by one and not the
// other. Each part of a split read reads its own rows, so every row still comes whole from one committed
// state; the Data API promises no more across the rows of one read.

#include <cstddef>
#include <memory>
#include <vector>

#include "data/embedded/Database.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

class SpareReaders {
 public:
  // Up to `wanted` readers: none while the database holds commits (Database::spare_reader).
  SpareReaders(Database& database, std::size_t wanted);

  // `own` first, then the spare readers' connections.
  std::vector<Connection*> with(Connection& own) const;

 private:
  std::vector<std::unique_ptr<Database::ReaderLease>> leases_;
  // After leases_, so each ends (a rollback: nothing was written) before its connection goes back to the pool.
  std::vector<std::unique_ptr<Transaction>> transactions_;
};

}  // namespace killrvideo::host::embedded

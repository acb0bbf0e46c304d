#include "data/embedded/SpareReaders.h"

namespace killrvideo::host::embedded {

SpareReaders::SpareReaders(Database& database, std::size_t wanted) {
  for (std::size_t i = 0; i < wanted; ++i) {
    auto lease = database.spare_reader();
    if (!lease) return;
    transactions_.push_back(std::make_unique<Transaction>(lease->connection(), false));
    leases_.push_back(std::move(lease));
  }
}

std::vector<Connection*> SpareReaders::with(Connection& own) const {
  std::vector<Connection*> connections{&own};
  for (const auto& lease : leases_) connections.push_back(&lease->connection());
  return connections;
}

}  // namespace killrvideo::host::embedded

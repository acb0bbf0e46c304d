#include "http/ConnectionLimits.h"

namespace killrvideo::host {

ConnectionLimits::ConnectionLimits(std::size_t max_total, std::size_t max_per_client)
    : max_total_(max_total), max_per_client_(max_per_client) {}

bool ConnectionLimits::admit(const std::string& client) {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::size_t& held = per_client_[client];
  if (total_ >= max_total_ || held >= max_per_client_) {
    if (held == 0) per_client_.erase(client);
    return false;
  }
  ++held;
  ++total_;
  return true;
}

void ConnectionLimits::release(const std::string& client) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = per_client_.find(client);
  if (found == per_client_.end()) return;
  if (--found->second == 0) per_client_.erase(found);
  --total_;
}

std::size_t ConnectionLimits::open() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return total_;
}

}  // namespace killrvideo::host

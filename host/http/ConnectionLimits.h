#pragma once
// How many connections the server holds open, in total and per client address. Idle connections cost
// a file descriptor each; without a cap one client can hold them all and the server stops accepting
// anyone (issue 16: ~20 000 idle connections). A connection over either cap is closed at once.

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace killrvideo::host {

class ConnectionLimits {
 public:
  ConnectionLimits(std::size_t max_total, std::size_t max_per_client);

  // True when the connection may stay, and is then counted until release().
  bool admit(const std::string& client);
  void release(const std::string& client);

  std::size_t open() const;

 private:
  const std::size_t max_total_;
  const std::size_t max_per_client_;
  mutable std::mutex mutex_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_client_;
};

}  // namespace killrvideo::host

#pragma once
// A bare TCP peer on loopback for what an HTTP server library does not do on purpose: hang up on a
// request without answering, and tell how many connections a client opened.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace killrvideo::testing {

class TcpPeer {
 public:
  // Reads the request on each of the first `connections_to_drop` connections and closes it without a
  // response. Later connections answer every request with HTTP 200 and `json_body`, and stay open.
  TcpPeer(int connections_to_drop, std::string json_body);
  ~TcpPeer();
  TcpPeer(const TcpPeer&) = delete;
  TcpPeer& operator=(const TcpPeer&) = delete;

  std::string endpoint() const;  // "http://127.0.0.1:<port>"
  int accepted_connections() const noexcept { return accepted_.load(); }
  int answered_requests() const noexcept { return answered_.load(); }

 private:
  void accept_loop();
  void serve(int fd, bool drop);

  const int connections_to_drop_;
  const std::string json_body_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::atomic<int> answered_{0};
  std::mutex threads_mutex_;
  std::vector<std::thread> connection_threads_;
  std::thread acceptor_;
};

// A loopback port with nothing listening on it (bound once to learn a free port, then released).
std::uint16_t unused_port();

}  // namespace killrvideo::testing

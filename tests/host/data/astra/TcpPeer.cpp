#include "tests/host/data/astra/TcpPeer.h"

#include <cctype>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace killrvideo::testing {

namespace {

constexpr int kPollMs = 20;  // how quickly the peer's threads notice it is stopping

sockaddr_in loopback(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

int bound_socket(std::uint16_t& port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot bind a loopback socket");
  }
  port = ntohs(address.sin_port);
  return fd;
}

bool readable(int fd, const std::atomic<bool>& stopping) {
  while (!stopping.load()) {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, kPollMs) > 0) return true;
  }
  return false;
}

std::size_t content_length(const std::string& head) {
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto at = lower.find("content-length:");
  return at == std::string::npos ? 0 : std::stoul(lower.substr(at + 15));
}

// Reads one whole request (head and Content-Length body) from `pending` plus the socket; false when the
// client closed the connection or the peer is stopping.
bool read_request(int fd, std::string& pending, const std::atomic<bool>& stopping) {
  while (true) {
    const auto head_end = pending.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const std::size_t total = head_end + 4 + content_length(pending.substr(0, head_end));
      if (pending.size() >= total) {
        pending.erase(0, total);
        return true;
      }
    }
    if (!readable(fd, stopping)) return false;
    char buffer[8192];
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending.append(buffer, static_cast<std::size_t>(n));
  }
}

bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string ok_response(const std::string& json_body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(json_body.size()) + "\r\n\r\n" + json_body;
}

}  // namespace

TcpPeer::TcpPeer(int connections_to_drop, std::string json_body)
    : connections_to_drop_(connections_to_drop), json_body_(std::move(json_body)) {
  listener_ = bound_socket(port_);
  if (listen(listener_, 16) != 0) throw std::runtime_error("cannot listen on loopback");
  acceptor_ = std::thread([this] { accept_loop(); });
}

TcpPeer::~TcpPeer() {
  stopping_ = true;
  acceptor_.join();
  for (auto& thread : connection_threads_) thread.join();
  close(listener_);
}

std::string TcpPeer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

void TcpPeer::accept_loop() {
  while (readable(listener_, stopping_)) {
    const int fd = accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    const bool drop = accepted_.fetch_add(1) < connections_to_drop_;
    const std::lock_guard lock(threads_mutex_);
    connection_threads_.emplace_back([this, fd, drop] { serve(fd, drop); });
  }
}

void TcpPeer::serve(int fd, bool drop) {
  std::string pending;
  while (read_request(fd, pending, stopping_)) {
    if (drop) break;
    // Counted before the answer leaves: once a client holds the answer, the count already says so.
    answered_.fetch_add(1);
    if (!send_all(fd, ok_response(json_body_))) break;
  }
  close(fd);
}

std::uint16_t unused_port() {
  std::uint16_t port = 0;
  close(bound_socket(port));
  return port;
}

}  // namespace killrvideo::testing

#pragma once
// The open connections and what each is doing, and a sweeper thread that closes the ones that wait too
// long: a keep-alive connection idle past the idle timeout is closed silently (RFC 9112 §9.8), one whose
// request is still arriving after the request timeout gets an answer first (a 408). Pistache 0.0.5's own
// timeouts answer in plain text and are left far out of reach.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace killrvideo::host {

using SteadyTime = std::chrono::steady_clock::time_point;

// One connection's state, shared by its reactor thread, the worker answering it and the sweeper.
struct ConnectionState {
  std::mutex mutex;
  std::string client;       // the peer's address
  std::string pending;      // bytes received and not yet taken as a request
  bool busy = false;        // a request is being answered; the next one waits (answers stay in order)
  bool closing = false;     // no more requests are read
  // Pistache has dropped the peer and closed its socket: the descriptor number may already belong to a
  // newer connection, so nothing may shut it any more.
  bool disconnected = false;
  // Answers handed to Pistache on this connection and counted in AnswersInFlight until confirmed written
  // or the client hangs up.
  std::size_t unconfirmed_answers = 0;
  SteadyTime last_activity;   // the last byte received or answer written
  SteadyTime request_started; // the first byte of the request in `pending`
  // Writes `final_bytes` straight to the socket (when nothing else is being written) and shuts it, unless
  // it is already disconnected. Takes `mutex`.
  std::function<void(std::string_view final_bytes)> close;
};

class ConnectionTable {
 public:
  // `timeout_answer` makes the bytes sent to a connection whose request did not arrive in time.
  ConnectionTable(std::chrono::milliseconds idle_timeout, std::chrono::milliseconds request_timeout,
                  std::function<std::string(const ConnectionState&)> timeout_answer);
  ~ConnectionTable();
  ConnectionTable(const ConnectionTable&) = delete;
  ConnectionTable& operator=(const ConnectionTable&) = delete;

  void add(std::size_t id, std::shared_ptr<ConnectionState> state);
  void remove(std::size_t id);

  // Closes what has waited too long as of `now`; the sweeper calls it a few times a second.
  void sweep(SteadyTime now);

 private:
  void run();

  const std::chrono::milliseconds idle_timeout_;
  const std::chrono::milliseconds request_timeout_;
  std::function<std::string(const ConnectionState&)> timeout_answer_;
  std::mutex mutex_;
  std::unordered_map<std::size_t, std::shared_ptr<ConnectionState>> open_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread sweeper_;
};

}  // namespace killrvideo::host

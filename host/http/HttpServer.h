#pragma once
// The Pistache endpoint: frames and parses HTTP on its reactor threads, hands each request to the worker
// pool, and writes the handler's response. One request per connection is in flight at a time, so that
// pipelined requests are answered in order. Idle and slow connections are closed, and the number held
// open is capped. Pistache stays inside the .cpp files.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace killrvideo::host {

class AnswersInFlight;
class ConnectionLimits;
class ConnectionTable;
class RequestHandler;
class WorkerPool;

struct HttpServerSettings {
  std::string listen = "0.0.0.0";
  std::uint16_t port = 8000;  // 0: the system picks a free port; port() tells which
  int io_threads = 2;
  std::size_t max_body_bytes = 1048576;
  std::chrono::milliseconds idle_timeout{30'000};     // keep-alive connection without a request
  std::chrono::milliseconds request_timeout{30'000};  // a request's bytes still arriving: 408
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_client = 256;
};

class HttpServer {
 public:
  HttpServer(HttpServerSettings settings, RequestHandler& handler, WorkerPool& workers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving in background threads. Throws std::runtime_error when it cannot bind.
  void start();
  std::uint16_t port() const;
  // Graceful stop, step one: new requests get 503 while those already accepted run to completion and their
  // answers are written. Returns false if they had not within `grace`.
  bool drain(std::chrono::milliseconds grace);
  // Step two: close the listener and every connection.
  void stop();

 private:
  struct Endpoint;
  HttpServerSettings settings_;
  // Declared before the endpoint so that they outlive it: Pistache may still report a disconnection
  // while it shuts down.
  std::unique_ptr<ConnectionLimits> limits_;
  std::unique_ptr<ConnectionTable> connections_;
  std::unique_ptr<AnswersInFlight> answers_;
  std::unique_ptr<Endpoint> endpoint_;
  RequestHandler& handler_;
  WorkerPool& workers_;
  std::atomic<bool> draining_{false};
};

}  // namespace killrvideo::host

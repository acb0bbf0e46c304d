#pragma once
// The Pistache endpoint: parses HTTP on its reactor threads, hands each request to the worker pool, and
// writes the handler's response. Pistache stays inside HttpServer.cpp.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace killrvideo::host {

class RequestHandler;
class WorkerPool;

struct HttpServerSettings {
  std::string listen = "0.0.0.0";
  std::uint16_t port = 8000;  // 0: the system picks a free port; port() tells which
  int io_threads = 2;
  std::size_t max_body_bytes = 1048576;
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
  // Graceful stop, step one: new requests get 503 while those already accepted run to completion.
  // Returns false if they had not finished within `grace`.
  bool drain(std::chrono::milliseconds grace);
  // Step two: close the listener and every connection.
  void stop();

 private:
  struct Endpoint;
  std::unique_ptr<Endpoint> endpoint_;
  HttpServerSettings settings_;
  RequestHandler& handler_;
  WorkerPool& workers_;
  std::atomic<bool> draining_{false};
};

}  // namespace killrvideo::host

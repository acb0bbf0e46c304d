#pragma once
// One JSON POST over pooled keep-alive connections (libcurl), reported as a plain outcome: libcurl's
// types and error codes stay in HttpTransport.cpp.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

struct curl_slist;

namespace killrvideo::host::httpclient {

class CurlHandlePool;

enum class TransportFailure {
  None,         // a complete HTTP response arrived (any status)
  Unreachable,  // no connection was made: nothing was sent
  Dropped,      // the connection broke before any response arrived: the server may have acted on the request
  Timeout,      // no complete response within the request timeout
  Other,        // TLS verification, a response cut short, anything else
};

struct HttpOutcome {
  TransportFailure failure = TransportFailure::None;
  long status = 0;     // 0 when no status line arrived
  std::string body;
  std::string detail;  // libcurl's description of the failure; empty on success
};

class HttpTransport {
 public:
  // `headers` are "Name: value" lines sent with every request.
  HttpTransport(const std::vector<std::string>& headers, std::chrono::milliseconds timeout);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Safe to call from many threads at once. Never throws.
  HttpOutcome post(const std::string& url, const std::string& body) noexcept;

 private:
  HttpOutcome perform(const std::string& url, const std::string& body);

  std::unique_ptr<CurlHandlePool> pool_;
  curl_slist* headers_ = nullptr;
  std::chrono::milliseconds timeout_;
};

// "libcurl/7.88.1": the library and the version this process runs with, for the User-Agent.
std::string curl_product_token();

}  // namespace killrvideo::host::httpclient

#pragma once
// A small HTTP client for tests over real loopback connections: libcurl for ordinary requests, and a raw
// socket for what libcurl hides (connection reuse, exact bytes on the wire).

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::testing {

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& lowercase_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& path, const std::vector<std::string>& headers = {});
  HttpResponse post(const std::string& path, const std::string& body, const std::vector<std::string>& headers = {});
  // Any method; `body` is sent when non-empty. Headers as "Name: value".
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const std::vector<std::string>& headers);

 private:
  std::string base_url_;
  void* curl_;
};

// One TCP connection to 127.0.0.1:port, from `source_address` (another loopback address such as
// 127.0.0.2 stands for another client) or the default one. send() writes raw bytes; read_response()
// reads one response, using Content-Length to find its end.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port, const std::string& source_address = "");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(const std::string& bytes);
  // The whole response (head and body); empty if the server closed the connection first.
  std::string read_response(int timeout_ms = 5000);
  // True when the server has closed the connection (a read returns end of stream within the timeout).
  bool closed_by_server(int timeout_ms = 500);

 private:
  int fd_ = -1;
  std::string pending_;
};

}  // namespace killrvideo::testing

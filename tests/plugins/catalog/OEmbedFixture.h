#pragma once
// A stand-in oEmbed endpoint on loopback (never the internet): the host's own HttpServer answering with
// whatever the test scripts, after an optional delay, and recording each request's query.

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "http/HttpServer.h"
#include "http/RequestHandler.h"
#include "http/WorkerPool.h"

namespace killrvideo::catalog::testing {

struct OEmbedAnswer {
  int status = 200;
  std::string body;
  std::chrono::milliseconds delay{0};
};

class OEmbedFixture {
 public:
  explicit OEmbedFixture(OEmbedAnswer answer);
  ~OEmbedFixture();
  OEmbedFixture(const OEmbedFixture&) = delete;
  OEmbedFixture& operator=(const OEmbedFixture&) = delete;

  // "http://127.0.0.1:<port>/oembed"
  std::string url() const;
  // The query pairs of every request received, in order.
  std::vector<std::vector<std::pair<std::string, std::string>>> queries() const;

 private:
  class Handler final : public host::RequestHandler {
   public:
    explicit Handler(OEmbedAnswer answer) : answer_(std::move(answer)) {}
    plugin::Response handle(const host::IncomingRequest& request) noexcept override;
    plugin::Response refuse(const host::IncomingRequest& request, int status, std::string_view detail) noexcept override;
    std::vector<std::vector<std::pair<std::string, std::string>>> queries() const;

   private:
    OEmbedAnswer answer_;
    mutable std::mutex mutex_;
    std::vector<std::vector<std::pair<std::string, std::string>>> queries_;
  };

  Handler handler_;
  host::WorkerPool workers_;
  host::HttpServer server_;
};

}  // namespace killrvideo::catalog::testing

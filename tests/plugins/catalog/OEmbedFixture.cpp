#include "OEmbedFixture.h"

#include <thread>

namespace killrvideo::catalog::testing {

plugin::Response OEmbedFixture::Handler::handle(const host::IncomingRequest& request) noexcept {
  {
    const std::lock_guard lock(mutex_);
    queries_.push_back(request.query);
  }
  std::this_thread::sleep_for(answer_.delay);
  plugin::Response response;
  response.status = answer_.status;
  response.body = answer_.body;
  return response;
}

plugin::Response OEmbedFixture::Handler::refuse(const host::IncomingRequest&, int status, std::string_view detail) noexcept {
  plugin::Response response;
  response.status = status;
  response.body = std::string(detail);
  response.content_type = "text/plain";
  return response;
}

std::vector<std::vector<std::pair<std::string, std::string>>> OEmbedFixture::Handler::queries() const {
  const std::lock_guard lock(mutex_);
  return queries_;
}

OEmbedFixture::OEmbedFixture(OEmbedAnswer answer)
    : handler_(std::move(answer)), workers_(2, 16), server_({"127.0.0.1", 0, 1, 1 << 16}, handler_, workers_) {
  server_.start();
}

OEmbedFixture::~OEmbedFixture() {
  workers_.stop();  // lets a delayed answer finish while the server can still write it
  server_.stop();
}

std::string OEmbedFixture::url() const { return "http://127.0.0.1:" + std::to_string(server_.port()) + "/oembed"; }

std::vector<std::vector<std::pair<std::string, std::string>>> OEmbedFixture::queries() const {
  return handler_.queries();
}

}  // namespace killrvideo::catalog::testing

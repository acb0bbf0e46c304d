#include "tests/host/data/astra/ScriptedPeer.h"

namespace killrvideo::testing {

plugin::Response ScriptedPeer::RecordingHandler::handle(const host::IncomingRequest& request) noexcept {
  {
    const std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  try {
    return script_(request);
  } catch (...) {
    return text_reply(500, "the test's peer script threw");
  }
}

plugin::Response ScriptedPeer::RecordingHandler::refuse(const host::IncomingRequest&, int status,
                                                        std::string_view detail) noexcept {
  return text_reply(status, std::string(detail));
}

std::vector<host::IncomingRequest> ScriptedPeer::RecordingHandler::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

ScriptedPeer::ScriptedPeer(PeerScript script)
    : handler_(std::move(script)), workers_(4, 64), server_({"127.0.0.1", 0, 1, 1 << 20}, handler_, workers_) {
  server_.start();
}

ScriptedPeer::~ScriptedPeer() {
  workers_.stop();  // lets delayed answers finish while the server can still write them
  server_.stop();
}

std::string ScriptedPeer::endpoint() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }

std::vector<host::IncomingRequest> ScriptedPeer::requests() const { return handler_.requests(); }

plugin::Response json_reply(int status, const std::string& json_body) {
  plugin::Response response;
  response.status = status;
  response.body = json_body;
  return response;
}

plugin::Response text_reply(int status, const std::string& text) {
  plugin::Response response;
  response.status = status;
  response.body = text;
  response.content_type = "text/plain";
  return response;
}

}  // namespace killrvideo::testing

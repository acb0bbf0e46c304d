#pragma once
// What HttpServer hands each request to. The REST pipeline is one implementation; the local Data API
// server (tools/dataapi) is another, with its own status rules.

#include <optional>
#include <string_view>

#include "http/IncomingRequest.h"
#include "killrvideo/plugin/Http.h"

namespace killrvideo::host {

class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // Runs on a worker thread. Never throws: every failure becomes a response.
  virtual plugin::Response handle(const IncomingRequest& request) noexcept = 0;
  // Answers made without running the request (queue full, draining), in the handler's own error shape.
  virtual plugin::Response refuse(const IncomingRequest& request, int status, std::string_view detail) noexcept = 0;
  // Runs on the HTTP reactor thread, so it must never block: the answer when it is ready without running
  // the request (a cached one), else nullopt and the request goes to handle() on a worker.
  virtual std::optional<plugin::Response> answer_at_once(const IncomingRequest&) noexcept { return std::nullopt; }
};

}  // namespace killrvideo::host

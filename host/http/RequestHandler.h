#pragma once
// What HttpServer hands each request to. The REST pipeline is one implementation; the local Data API
// server (tools/dataapi) is another, with its own status rules.

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
};

}  // namespace killrvideo::host

#pragma once
// A stand-in Data API on loopback for client tests: the host's own HttpServer with a handler that
// records every request and answers with whatever the test's script returns (canned JSON, a delay,
// a non-JSON body, an error status).

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "http/HttpServer.h"
#include "http/RequestHandler.h"
#include "http/WorkerPool.h"

namespace killrvideo::testing {

using PeerScript = std::function<plugin::Response(const host::IncomingRequest&)>;

class ScriptedPeer {
 public:
  explicit ScriptedPeer(PeerScript script);
  ~ScriptedPeer();
  ScriptedPeer(const ScriptedPeer&) = delete;
  ScriptedPeer& operator=(const ScriptedPeer&) = delete;

  // "http://127.0.0.1:<port>", the value for AstraConfig::endpoint.
  std::string endpoint() const;
  std::vector<host::IncomingRequest> requests() const;

 private:
  class RecordingHandler final : public host::RequestHandler {
   public:
    explicit RecordingHandler(PeerScript script) : script_(std::move(script)) {}
    plugin::Response handle(const host::IncomingRequest& request) noexcept override;
    plugin::Response refuse(const host::IncomingRequest& request, int status,
                            std::string_view detail) noexcept override;
    std::vector<host::IncomingRequest> requests() const;

   private:
    PeerScript script_;
    mutable std::mutex mutex_;
    std::vector<host::IncomingRequest> requests_;
  };

  RecordingHandler handler_;
  host::WorkerPool workers_;
  host::HttpServer server_;
};

plugin::Response json_reply(int status, const std::string& json_body);
plugin::Response text_reply(int status, const std::string& text);

}  // namespace killrvideo::testing

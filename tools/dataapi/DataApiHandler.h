#pragma once
// The local Data API's request handler: checks a request the way the Data API's HTTP layer does, in its
// order (path 404 → method 405 → size 413 → token 401 → content type 415 → JSON), then hands the
// command to the engine and answers 200 with whatever envelope it returns.

#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "http/RequestHandler.h"

namespace killrvideo::dataapi {

// Runs one command envelope against `table` in `keyspace` (empty table: keyspace-level command) and
// returns the response envelope; never throws. EmbeddedEngine::execute in the tool.
using CommandExecutor =
    std::function<nlohmann::ordered_json(const std::string& keyspace, const std::string& table, const nlohmann::ordered_json& command)>;

struct DataApiHandlerSettings {
  std::string token;                              // the one accepted application token
  std::size_t max_body_bytes = 20 * 1024 * 1024;  // data-api-wire §1.2
};

class DataApiHandler final : public host::RequestHandler {
 public:
  // Throws std::invalid_argument for an empty token.
  DataApiHandler(DataApiHandlerSettings settings, CommandExecutor execute);

  plugin::Response handle(const host::IncomingRequest& request) noexcept override;
  plugin::Response refuse(const host::IncomingRequest& request, int status, std::string_view detail) noexcept override;

 private:
  plugin::Response checked(const host::IncomingRequest& request);
  bool token_matches(std::string_view presented) const noexcept;

  DataApiHandlerSettings settings_;
  CommandExecutor execute_;
};

}  // namespace killrvideo::dataapi

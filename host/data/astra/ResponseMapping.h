#pragma once
// Turns what came back over HTTP into the Data API response envelope the seam returns (data-api-wire §1.3):
// Data API bodies pass through untouched, errors included; everything else becomes one client-side error.

#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "data/astra/CommandKind.h"
#include "httpclient/HttpTransport.h"

namespace killrvideo::host::astra {

struct ExchangeContext {
  std::string url;            // where the command went, for messages
  CommandKind kind = CommandKind::Write;
  std::chrono::milliseconds timeout{0};
  int attempts = 1;           // how many times the command was sent
  std::string_view secret;    // removed from every message
};

nlohmann::ordered_json to_envelope(const httpclient::HttpOutcome& outcome, const ExchangeContext& context);

}  // namespace killrvideo::host::astra

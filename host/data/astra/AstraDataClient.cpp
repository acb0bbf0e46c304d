#include "data/astra/AstraDataClient.h"

#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "data/astra/AstraSettings.h"
#include "data/astra/CommandKind.h"
#include "data/astra/DataApiNames.h"
#include "data/astra/ErrorEnvelope.h"
#include "data/astra/ResponseMapping.h"
#include "httpclient/HttpTransport.h"
#include "httpclient/SecretRedaction.h"

namespace killrvideo::host::astra {

namespace {

using httpclient::curl_product_token;
using httpclient::HttpOutcome;
using httpclient::HttpTransport;
using httpclient::redact;
using httpclient::TransportFailure;

using json = nlohmann::ordered_json;

std::string without_trailing_slashes(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

std::vector<std::string> request_headers(const std::string& token) {
  return {"Token: " + token, "Content-Type: application/json", "Accept: application/json",
          "User-Agent: " + user_agent(),
          "Expect:"};  // no 100-continue round trip before large bodies
}

std::mt19937_64& jitter_source() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return random;
}

// Only connection failures are retried, and only for reads: a timed-out or dropped write may have been
// applied, and a second copy could apply it twice.
bool worth_retrying(const HttpOutcome& outcome, CommandKind kind) {
  const bool connection_failed =
      outcome.failure == TransportFailure::Unreachable || outcome.failure == TransportFailure::Dropped;
  return connection_failed && kind == CommandKind::Read;
}

// Names go into the URL path; anything else could point the request somewhere else.
json invalid_target(const std::string& target) {
  return error_envelope({"REQUEST", "SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE", "Unknown collection or table"},
                        "'" + target + "' is not a valid table or collection name ([a-zA-Z][a-zA-Z0-9_]*)");
}

json unserializable_command(const json::exception& error) {
  return error_envelope({"REQUEST", "", "REQUEST_NOT_JSON", "Request not valid JSON"},
                        std::string("The command cannot be sent as JSON: ") + error.what());
}

}  // namespace

AstraDataClient::AstraDataClient(const AstraConfig& config, httpclient::RetryPolicy retry)
    : token_(config.token), timeout_(config.timeout_ms), retry_(retry) {
  check_astra_config(config);
  keyspace_url_ = without_trailing_slashes(config.endpoint) + "/api/json/v1/" + config.keyspace;
  transport_ = std::make_unique<HttpTransport>(request_headers(token_), timeout_);
}

AstraDataClient::~AstraDataClient() = default;

json AstraDataClient::execute(const std::string& target, const json& command) noexcept {
  try {
    return send(target, command);
  } catch (const std::exception& e) {
    return error_envelope({"SERVER", "DATABASE", "UNAVAILABLE_DATABASE", "Database unavailable"},
                          redact(std::string("The Data API command could not be sent: ") + e.what(), token_));
  }
}

json AstraDataClient::send(const std::string& target, const json& command) {
  if (!target.empty() && !is_data_api_name(target)) return invalid_target(target);
  ExchangeContext context;
  context.url = target.empty() ? keyspace_url_ : keyspace_url_ + "/" + target;
  context.kind = command_kind(command);
  context.timeout = timeout_;
  context.secret = token_;
  std::string body;
  try {
    body = command.dump();
  } catch (const json::exception& error) {  // invalid UTF-8 in a string
    return unserializable_command(error);
  }
  HttpOutcome outcome = transport_->post(context.url, body);
  while (worth_retrying(outcome, context.kind) && context.attempts < retry_.max_attempts) {
    std::this_thread::sleep_for(backoff_delay(retry_, context.attempts - 1, jitter_source()));
    ++context.attempts;
    outcome = transport_->post(context.url, body);
  }
  return to_envelope(outcome, context);
}

std::string user_agent() { return "killrvideo-cpp/" KILLRVIDEO_VERSION " " + curl_product_token(); }

}  // namespace killrvideo::host::astra

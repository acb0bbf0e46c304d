#include "data/astra/ResponseMapping.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "data/astra/ErrorEnvelope.h"
#include "httpclient/SecretRedaction.h"

namespace killrvideo::host::astra {

namespace {

using httpclient::HttpOutcome;
using httpclient::redact;
using httpclient::TransportFailure;

using json = nlohmann::ordered_json;

constexpr std::size_t kBodyExcerptChars = 200;
constexpr ErrorSpec kUnavailable{"SERVER", "DATABASE", "UNAVAILABLE_DATABASE", "Database unavailable"};
constexpr ErrorSpec kReadTimeout{"SERVER", "DATABASE", "TIMEOUT_READING_DATA", "Timeout reading data"};
constexpr ErrorSpec kWriteTimeout{"SERVER", "DATABASE", "TIMEOUT_WRITING_DATA", "Timeout writing data"};
constexpr ErrorSpec kFailedRead{"SERVER", "DATABASE", "FAILED_READ_REQUEST", "Failed read request"};
constexpr ErrorSpec kFailedWrite{"SERVER", "DATABASE", "FAILED_WRITE_REQUEST", "Failed write request"};

bool is_success(long status) { return status >= 200 && status < 300; }

// The start of a body for a message, on one line and printable, so a gateway's HTML page stays readable.
std::string excerpt(const std::string& body) {
  std::string text = body.substr(0, kBodyExcerptChars);
  for (char& c : text) {
    if (std::isprint(static_cast<unsigned char>(c)) == 0) c = ' ';
  }
  if (body.size() > kBodyExcerptChars) text += "...";
  return text.empty() ? "(empty body)" : text;
}

std::string attempts_note(const ExchangeContext& context) {
  return context.attempts > 1 ? " (after " + std::to_string(context.attempts) + " attempts)" : "";
}

// A write whose outcome is unknown must say so: the caller must not assume it did not happen.
std::string write_outcome_note(const ExchangeContext& context) {
  return context.kind == CommandKind::Write ? "; the command may or may not have been applied" : "";
}

json client_error(const ErrorSpec& spec, const std::string& message, const ExchangeContext& context) {
  return error_envelope(spec, redact(message, context.secret));
}

json transport_failure(const HttpOutcome& outcome, const ExchangeContext& context) {
  switch (outcome.failure) {
    case TransportFailure::Unreachable:
      return client_error(kUnavailable,
                          "Cannot reach the Data API at " + context.url + ": " + outcome.detail + attempts_note(context),
                          context);
    case TransportFailure::Dropped:
      return client_error(kUnavailable,
                          "The Data API at " + context.url + " closed the connection without answering: " +
                              outcome.detail + attempts_note(context) + write_outcome_note(context),
                          context);
    case TransportFailure::Timeout:
      return client_error(context.kind == CommandKind::Read ? kReadTimeout : kWriteTimeout,
                          "No response from the Data API at " + context.url + " within " +
                              std::to_string(context.timeout.count()) + " ms (" + outcome.detail + ")" +
                              write_outcome_note(context),
                          context);
    default:
      return client_error(kUnavailable,
                          "Request to the Data API at " + context.url + " failed: " + outcome.detail +
                              write_outcome_note(context),
                          context);
  }
}

// Non-2xx: a Data API envelope (401, 415) is the answer; anything else is a gateway or edge failure.
json error_status(const HttpOutcome& outcome, const ExchangeContext& context) {
  json body = json::parse(outcome.body, nullptr, false);
  if (body.is_object() && body.contains("errors") && body["errors"].is_array()) return body;
  return client_error(kUnavailable,
                      "The Data API at " + context.url + " answered HTTP " + std::to_string(outcome.status) +
                          " without a Data API error body: " + excerpt(outcome.body) + write_outcome_note(context),
                      context);
}

json success_status(const HttpOutcome& outcome, const ExchangeContext& context) {
  json body = json::parse(outcome.body, nullptr, false);
  if (body.is_object()) return body;
  return client_error(context.kind == CommandKind::Read ? kFailedRead : kFailedWrite,
                      "The Data API at " + context.url + " answered HTTP " + std::to_string(outcome.status) +
                          " with a body that is not a JSON object: " + excerpt(outcome.body) +
                          write_outcome_note(context),
                      context);
}

}  // namespace

nlohmann::ordered_json to_envelope(const HttpOutcome& outcome, const ExchangeContext& context) {
  if (outcome.failure != TransportFailure::None) return transport_failure(outcome, context);
  return is_success(outcome.status) ? success_status(outcome, context) : error_status(outcome, context);
}

}  // namespace killrvideo::host::astra

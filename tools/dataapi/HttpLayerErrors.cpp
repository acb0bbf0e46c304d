#include "tools/dataapi/HttpLayerErrors.h"

#include <nlohmann/json.hpp>

#include "services/UuidGenerator.h"

namespace killrvideo::dataapi {

namespace {

struct ErrorKind {
  const char* family;
  const char* scope;
  const char* code;
  const char* title;
};

constexpr ErrorKind kMissingToken{"REQUEST", "SECURITY", "MISSING_AUTHENTICATION_TOKEN",
                                  "Authentication token missing"};
constexpr ErrorKind kWrongToken{"REQUEST", "SECURITY", "UNAUTHENTICATED_REQUEST", "Authentication failed"};
constexpr ErrorKind kContentType{"REQUEST", "", "UNSUPPORTED_CONTENT_TYPE", "Unsupported content type"};
constexpr ErrorKind kNotJson{"REQUEST", "", "REQUEST_NOT_JSON", "Request not valid JSON"};

// ordered_json keeps the server's field order (data-api-wire §1.6); clients must not rely on it, but
// byte-level comparisons with the real server stay meaningful.
plugin::Response envelope(int status, const ErrorKind& kind, const std::string& message) {
  host::UuidGenerator ids;
  nlohmann::ordered_json error;
  error["id"] = ids.uuid4();
  error["family"] = kind.family;
  error["scope"] = kind.scope;
  error["errorCode"] = kind.code;
  error["title"] = kind.title;
  error["message"] = message;
  plugin::Response response;
  response.status = status;
  response.body = nlohmann::ordered_json{{"errors", nlohmann::ordered_json::array({error})}}.dump();
  return response;
}

}  // namespace

plugin::Response missing_token() {
  return envelope(401, kMissingToken, "Request is missing the 'Token' header with an authentication token.");
}

plugin::Response wrong_token() {
  return envelope(401, kWrongToken, "The 'Token' header does not hold a valid authentication token.");
}

plugin::Response unsupported_content_type(std::string_view given) {
  const std::string shown = given.empty() ? "none" : "'" + std::string(given) + "'";
  return envelope(415, kContentType, "Content-Type must be 'application/json', got " + shown + ".");
}

plugin::Response request_not_json(const std::string& problem) {
  return envelope(200, kNotJson, "Request body is not valid JSON: " + problem);
}

plugin::Response plain_http_error(int status, const std::string& text) {
  plugin::Response response;
  response.status = status;
  response.body = text;
  response.content_type = "text/plain";
  return response;
}

}  // namespace killrvideo::dataapi

#include "tools/dataapi/DataApiHandler.h"

#include <cctype>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tools/dataapi/DataApiPath.h"
#include "tools/dataapi/HttpLayerErrors.h"
#include "tools/dataapi/StrictJson.h"

namespace killrvideo::dataapi {

namespace {

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// "application/json", with or without parameters such as "; charset=utf-8".
bool is_json_media_type(std::string_view content_type) {
  std::string media = lowercase(content_type.substr(0, content_type.find(';')));
  media.erase(0, media.find_first_not_of(" \t"));
  media.erase(media.find_last_not_of(" \t") + 1);
  return media == "application/json";
}

// The legacy header name is still accepted by the Data API (data-api-wire §1.2).
std::optional<std::string_view> presented_token(const host::IncomingRequest& request) {
  if (auto token = request.header("Token")) return token;
  return request.header("X-Cassandra-Token");
}

}  // namespace

DataApiHandler::DataApiHandler(DataApiHandlerSettings settings, CommandExecutor execute)
    : settings_(std::move(settings)), execute_(std::move(execute)) {
  if (settings_.token.empty()) throw std::invalid_argument("the local Data API needs a non-empty token");
}

plugin::Response DataApiHandler::handle(const host::IncomingRequest& request) noexcept {
  try {
    return checked(request);
  } catch (...) {
    return plain_http_error(500, "Internal Server Error");
  }
}

plugin::Response DataApiHandler::refuse(const host::IncomingRequest&, int status, std::string_view detail) noexcept {
  try {
    return plain_http_error(status, std::string(detail));
  } catch (...) {
    return {};
  }
}

plugin::Response DataApiHandler::checked(const host::IncomingRequest& request) {
  const auto target = parse_data_api_path(request.raw_path);
  if (!target) return plain_http_error(404, "Not Found");
  if (request.method != "POST") {
    auto response = plain_http_error(405, "Method Not Allowed");
    response.headers.emplace_back("Allow", "POST");
    return response;
  }
  if (request.body.size() > settings_.max_body_bytes) return plain_http_error(413, "Request Entity Too Large");
  const auto token = presented_token(request);
  if (!token || token->empty()) return missing_token();
  if (!token_matches(*token)) return wrong_token();
  const auto content_type = request.header("Content-Type").value_or("");
  if (!is_json_media_type(content_type)) return unsupported_content_type(content_type);
  const StrictParse command = parse_strict_json(request.body);
  if (!command.value) return request_not_json(command.problem);
  plugin::Response response;
  response.body = execute_(target->keyspace, target->table, *command.value)
                      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

// Compares every byte whatever the first difference, so response time does not reveal a matching prefix.
bool DataApiHandler::token_matches(std::string_view presented) const noexcept {
  const std::string& expected = settings_.token;
  unsigned char difference = presented.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < presented.size(); ++i) {
    difference |= static_cast<unsigned char>(presented[i] ^ expected[i % expected.size()]);
  }
  return difference == 0;
}

}  // namespace killrvideo::dataapi

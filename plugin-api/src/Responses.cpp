#include "killrvideo/plugin/Responses.h"

namespace killrvideo::plugin {

std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
  }
}

Response json_response(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  // Replace invalid UTF-8 rather than throw: a stored string must never turn a read into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response no_content() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

Response problem_response(int status, std::string_view detail, std::string_view instance_url) {
  return json_response(status, {{"type", "about:blank"},
                                {"title", reason_phrase(status)},
                                {"status", status},
                                {"detail", detail},
                                {"instance", instance_url}});
}

Response validation_response(const std::vector<ValidationIssue>& issues) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& issue : issues) {
    nlohmann::json item = {{"type", issue.type}, {"loc", issue.loc}, {"msg", issue.msg}, {"input", issue.input}};
    if (!issue.ctx.is_null()) item["ctx"] = issue.ctx;
    items.push_back(std::move(item));
  }
  return json_response(422, {{"detail", std::move(items)}});
}

Response detail_response(int status, std::string_view detail) {
  return json_response(status, {{"detail", detail}});
}

}  // namespace killrvideo::plugin

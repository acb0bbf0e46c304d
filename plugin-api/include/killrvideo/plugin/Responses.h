#pragma once
// Building responses in the shapes of api-contract §1.4.

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin {

// "Not Found" for 404, "Unprocessable Entity" for 422, …
std::string_view reason_phrase(int status) noexcept;

Response json_response(int status, const nlohmann::json& body);
Response no_content();
// {"type":"about:blank","title":<reason>,"status":…,"detail":…,"instance":<request url>}
Response problem_response(int status, std::string_view detail, std::string_view instance_url);
// 422 {"detail":[{"type","loc","msg","input"[,"ctx"]}, …]}
Response validation_response(const std::vector<ValidationIssue>& issues);
// The framework-style bodies for unknown routes and methods: {"detail":"Not Found"} and friends.
Response detail_response(int status, std::string_view detail);

// The generic 500 detail: nothing about the failure reaches the client.
inline constexpr std::string_view kInternalErrorDetail = "An unexpected internal server error occurred.";

}  // namespace killrvideo::plugin

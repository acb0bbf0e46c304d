#pragma once
// The request a handler receives and the response it returns. Handlers are plain synchronous functions;
// the host runs them on its worker pool.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::plugin {

enum class Method { Get, Post, Put, Patch, Delete };

std::string_view to_string(Method method) noexcept;

// Who may call a route (api-contract §1.5). The host enforces it before the handler runs.
enum class Access {
  Public,     // the token is never inspected
  Optional,   // a valid token identifies the caller; a bad one is ignored
  AnyAuth,    // any valid token
  Viewer,     // viewer, creator or moderator (or the legacy `active`)
  Creator,    // creator or moderator
  Moderator,  // moderator
};

// The authenticated caller: the token's subject and the roles in force (stored roles when the
// plugin that owns users provides them, else the token's claim).
struct Principal {
  std::string user_id;
  std::vector<std::string> roles;

  bool has_role(std::string_view role) const noexcept {
    for (const auto& r : roles) {
      if (r == role) return true;
    }
    return false;
  }
};

class Request {
 public:
  virtual ~Request() = default;
  virtual Method method() const noexcept = 0;
  // URL-decoded path, without the query string.
  virtual const std::string& path() const noexcept = 0;
  // Absolute URL as the client asked for it, query included (the problem body's `instance`).
  virtual const std::string& url() const noexcept = 0;
  virtual std::optional<std::string_view> path_param(std::string_view name) const noexcept = 0;
  // URL-decoded; the first value when a key repeats.
  virtual std::optional<std::string_view> query_param(std::string_view name) const noexcept = 0;
  // Case-insensitive header lookup.
  virtual std::optional<std::string_view> header(std::string_view name) const noexcept = 0;
  // The parsed JSON body; null when the request had none.
  virtual const nlohmann::json& body() const noexcept = 0;
  // Set on routes whose access is not Public, when the caller presented a valid token.
  virtual const Principal* principal() const noexcept = 0;
  virtual const std::string& request_id() const noexcept = 0;
  // The address of the connection the request came on (never a client-supplied header). Added in ABI
  // 1.3, at the end, so that the interface only grows.
  virtual const std::string& client_address() const noexcept = 0;
};

struct Response {
  int status = 200;
  std::string body;  // serialized JSON; empty for 204
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Why a handler failed, for the host's log only: never sent to the client.
  std::string failure;
};

// What the host stores and calls. Plugins pass ordinary callables to Registrar::route, which wraps them
// so that no exception ever leaves the plugin.
using RouteHandler = std::function<Response(const Request&)>;

}  // namespace killrvideo::plugin

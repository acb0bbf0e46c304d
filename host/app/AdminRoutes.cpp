#include "app/AdminRoutes.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/PluginSwitchboard.h"
#include "app/StartupError.h"
#include "http/Router.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"
#include "plugins/PluginError.h"

namespace killrvideo::host {

namespace {

using plugin::Request;
using plugin::Response;

bool is_loopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

// Compares every byte whatever the first difference, so the time taken says nothing about the token.
bool same_secret(std::string_view given, const std::string& token) {
  unsigned char difference = given.size() == token.size() ? 0 : 1;
  for (std::size_t i = 0; i < token.size(); ++i) {
    difference |= static_cast<unsigned char>(token[i] ^ (i < given.size() ? given[i] : 0));
  }
  return difference == 0;
}

nlohmann::json state_json(const PluginState& state) {
  return {{"name", state.name}, {"enabled", state.enabled}, {"version", state.version}};
}

const PluginState* find_state(const std::vector<PluginState>& states, const std::string& name) {
  const auto found = std::find_if(states.begin(), states.end(), [&](const PluginState& s) { return s.name == name; });
  return found == states.end() ? nullptr : &*found;
}

class AdminRoutes {
 public:
  AdminRoutes(PluginSwitchboard& switchboard, std::string token) : switchboard_(switchboard), token_(std::move(token)) {}

  // Refusals before anything else: not from this machine, or not holding the token.
  std::optional<Response> refusal(const Request& request) const {
    if (!is_loopback(request.client_address())) return plugin::detail_response(404, "Not Found");
    const auto authorization = request.header("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (!authorization || authorization->substr(0, kBearer.size()) != kBearer ||
        !same_secret(authorization->substr(kBearer.size()), token_)) {
      Response refused = plugin::detail_response(401, "The admin routes need Authorization: Bearer <admin.token>");
      refused.headers.emplace_back("WWW-Authenticate", "Bearer");
      return refused;
    }
    return std::nullopt;
  }

  Response list(const Request& request) const {
    if (auto refused = refusal(request)) return *refused;
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& state : switchboard_.states()) plugins.push_back(state_json(state));
    return plugin::json_response(200, {{"plugins", plugins}});
  }

  Response change(const Request& request, bool enable) const {
    if (auto refused = refusal(request)) return *refused;
    const std::string name(request.path_param("name").value_or(""));
    const auto before = switchboard_.states();
    const PluginState* state = find_state(before, name);
    if (state == nullptr) return plugin::detail_response(404, "plugin '" + name + "' is not listed in the config");
    if (state->enabled == enable) {
      return plugin::detail_response(409, "plugin '" + name + "' is already " + (enable ? "enabled" : "disabled"));
    }
    try {
      if (enable) {
        switchboard_.enable(name);
      } else {
        switchboard_.disable(name);
      }
    } catch (const PluginError& refused) {
      spdlog::warn("admin: {} of plugin '{}' refused: {}", enable ? "enable" : "disable", name, refused.what());
      return plugin::detail_response(409, refused.what());
    } catch (const StartupError& failed) {
      spdlog::error("admin: enable of plugin '{}' failed: {}", name, failed.what());
      return plugin::detail_response(503, failed.what());
    }
    spdlog::info("admin: plugin '{}' {}", name, enable ? "enabled" : "disabled");
    const auto after = switchboard_.states();
    return plugin::json_response(200, state_json(*find_state(after, name)));
  }

 private:
  PluginSwitchboard& switchboard_;
  std::string token_;
};

}  // namespace

void add_admin_routes(Router& router, PluginSwitchboard& switchboard, const std::string& token) {
  if (token.empty()) return;
  using plugin::Access;
  using plugin::Method;
  // Public to the host's JWT gate: the admin token is checked by the routes themselves.
  const auto routes = std::make_shared<AdminRoutes>(switchboard, token);
  Route list{plugin::PathPattern("/admin/plugins"), Method::Get, Access::Public,
             plugin::guard_route([routes](const Request& request) { return routes->list(request); }), "host"};
  list.cache_answers = false;  // it changes with a switch, which writes nothing
  router.add(std::move(list));
  router.add({plugin::PathPattern("/admin/plugins/{name}/enable"), Method::Post, Access::Public,
              plugin::guard_route([routes](const Request& request) { return routes->change(request, true); }), "host"});
  router.add({plugin::PathPattern("/admin/plugins/{name}/disable"), Method::Post, Access::Public,
              plugin::guard_route([routes](const Request& request) { return routes->change(request, false); }),
              "host"});
}

}  // namespace killrvideo::host

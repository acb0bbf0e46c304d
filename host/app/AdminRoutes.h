#pragma once
// The admin interface: plugins switched on and off while serving, over HTTP on the server's own port.
//
//   GET  /admin/plugins                 → {"plugins":[{"name":"example","enabled":false,"version":""}, …]}
//   POST /admin/plugins/{name}/enable   → 200 {"name":…,"enabled":true,"version":…}
//   POST /admin/plugins/{name}/disable  → 200 {"name":…,"enabled":false,"version":""}
//
// Served only when the config sets `admin.token`; answered only on a loopback connection (anyone else gets
// 404, as if there were no such route) and only with `Authorization: Bearer <admin.token>` (else 401).
// A plugin not listed in the config is 404; one already in the asked state, a conflict with the enabled
// plugins, a missing requirement, other plugins depending on it or a failed start is 409; its schema not
// created is 503 — each with a `detail` saying what and why.

#include <string>

namespace killrvideo::host {

class PluginSwitchboard;
class Router;

// `switchboard` outlives the router's use of these routes. Does nothing when `token` is empty.
void add_admin_routes(Router& router, PluginSwitchboard& switchboard, const std::string& token);

}  // namespace killrvideo::host

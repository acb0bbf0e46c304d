#include "app/PluginSwitchboard.h"

#include "app/PluginRuntime.h"
#include "plugins/PluginError.h"

namespace killrvideo::host {

PluginSwitchboard::PluginSwitchboard(PluginRuntime& runtime, Router& router, Metrics& metrics,
                                     AccountLookupSlot& accounts)
    : runtime_(runtime), router_(router), metrics_(metrics), accounts_(accounts) {}

void PluginSwitchboard::attach_started_plugins() {
  const PluginManager& plugins = runtime_.plugins();
  for (const auto& registration : plugins.registrations()) {
    admit(registration);
    attach(registration, plugins.activity(registration.plugin));
  }
}

void PluginSwitchboard::attach(const Registration& registration, const std::shared_ptr<PluginActivity>& activity) {
  std::vector<Route> routes;
  for (const auto& route : registration.routes) {
    routes.push_back({plugin::PathPattern(route.spec.path), route.spec.method, route.spec.access, route.handler,
                      registration.plugin, activity});
  }
  router_.replace_plugin_routes(registration.plugin, std::move(routes));
  if (registration.account_lookup) {
    // Through the gate too: a lookup never runs in a plugin that is being disabled.
    accounts_.provide(registration.plugin, [activity, lookup = registration.account_lookup](const std::string& id) {
      const PluginActivity::Pass pass = activity->enter();
      if (!pass) return plugin::StoredAccount{false, {}, "the account lookup's plugin is being disabled"};
      return lookup(id);
    });
  }
  // Last: its subscribers may be called by other plugins at once (once the gate is open).
  runtime_.events().replace_plugin_subscriptions(registration.plugin, registration.subscriptions, activity);
}

void PluginSwitchboard::detach(const Registration& registration) {
  runtime_.events().replace_plugin_subscriptions(registration.plugin, {}, nullptr);
  accounts_.withdraw(registration.plugin);
  router_.replace_plugin_routes(registration.plugin, {});
}

void PluginSwitchboard::admit(const Registration& registration) const {
  if (!registration.account_lookup) return;
  if (const std::string provider = accounts_.provider(); !provider.empty()) {
    throw PluginError("plugins '" + provider + "' and '" + registration.plugin + "' both provide the account lookup");
  }
}

PluginSwitchHooks PluginSwitchboard::hooks() {
  return {[this](const Registration& registration) { admit(registration); },
          [this](const Registration& registration) { runtime_.create_schema_of(registration); },
          [this](const Registration& registration, const std::shared_ptr<PluginActivity>& activity) {
            attach(registration, activity);
          },
          [this](const Registration& registration) { detach(registration); }};
}

void PluginSwitchboard::enable(const std::string& name) {
  runtime_.plugins().enable(name, hooks());
  for (const auto& loaded : runtime_.plugins().loaded()) {
    if (loaded.name == name) metrics_.add_plugin(loaded.name, loaded.version);
  }
}

void PluginSwitchboard::disable(const std::string& name) {
  runtime_.plugins().disable(name, hooks());
  metrics_.remove_plugin(name);
}

std::vector<PluginState> PluginSwitchboard::states() const {
  const auto loaded = runtime_.plugins().loaded();
  std::vector<PluginState> states;
  for (const auto& name : runtime_.plugins().listed()) {
    PluginState state{name, false, ""};
    for (const auto& plugin : loaded) {
      if (plugin.name == name) state = {name, true, plugin.version};
    }
    states.push_back(state);
  }
  return states;
}

}  // namespace killrvideo::host

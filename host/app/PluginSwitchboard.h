#pragma once
// Enables and disables listed plugins while the server serves (the admin routes call it). An enable
// loads the plugin, creates its declared schema, starts it, and puts its routes, subscriptions and account
// lookup in place before its gate opens, so they appear together; a disable closes the gate, waits for the
// plugin's running requests and deliveries, and takes them all away. Other plugins never notice.

#include <string>
#include <vector>

#include "app/AccountLookupSlot.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "plugins/PluginManager.h"

namespace killrvideo::host {

class PluginRuntime;

struct PluginState {
  std::string name;
  bool enabled = false;
  std::string version;  // "" when not enabled
};

class PluginSwitchboard {
 public:
  PluginSwitchboard(PluginRuntime& runtime, Router& router, Metrics& metrics, AccountLookupSlot& accounts);

  // Routes, subscriptions and account lookup of the plugins enabled at start-up.
  void attach_started_plugins();

  // Throw PluginError (not listed, already in that state, a conflict, dependents, a failed start) or
  // StartupError (its schema could not be created), having changed nothing.
  void enable(const std::string& name);
  void disable(const std::string& name);

  // Every listed plugin, in config order.
  std::vector<PluginState> states() const;

 private:
  void admit(const Registration& registration) const;
  void attach(const Registration& registration, const std::shared_ptr<PluginActivity>& activity);
  void detach(const Registration& registration);
  PluginSwitchHooks hooks();

  PluginRuntime& runtime_;
  Router& router_;
  Metrics& metrics_;
  AccountLookupSlot& accounts_;
};

}  // namespace killrvideo::host

#include "ExamplePlugin.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ExampleTables.h"

namespace killrvideo::example {

namespace {

inline constexpr const char* kDefaultGreeting = "Hello";

std::string greeting_from(const nlohmann::json& config) {
  const auto configured = config.find("greeting");
  if (configured == config.end()) return kDefaultGreeting;
  if (!configured->is_string()) throw std::invalid_argument("example: config.greeting must be a string");
  return configured->get<std::string>();
}

}  // namespace

ExamplePlugin::ExamplePlugin(plugin::HostServices& host)
    : routes_(greeting_from(host.config()), views_seen_), notes_(host) {}

void ExamplePlugin::register_with(plugin::Registrar& registrar) {
  routes_.register_with(registrar);
  notes_.register_with(registrar);
  declare_tables(registrar);
  // The catalog plugin owns views; this plugin only reacts to them, through the bus (design §5).
  registrar.subscribe(kVideoViewedTopic, [this](const std::string&, const nlohmann::json&) { ++views_seen_; });
}

}  // namespace killrvideo::example

#include "plugins/PluginGraph.h"

#include <gtest/gtest.h>

#include "plugins/PluginError.h"

namespace killrvideo::host {
namespace {

Registration plugin_named(const std::string& name) {
  Registration registration;
  registration.plugin = name;
  return registration;
}

void add_route(Registration& registration, plugin::Method method, const std::string& path) {
  registration.routes.push_back({{method, path, plugin::Access::Public}, {}});
}

std::string validation_error(const std::vector<Registration>& registrations, std::set<std::string> disabled = {}) {
  try {
    PluginGraph(registrations, std::move(disabled)).validate();
    return "";
  } catch (const PluginError& e) {
    return e.what();
  }
}

TEST(PluginGraphTest, SameRouteShapeUnderOtherParameterNamesConflicts) {
  auto a = plugin_named("a");
  auto b = plugin_named("b");
  add_route(a, plugin::Method::Get, "/videos/{id}");
  add_route(b, plugin::Method::Get, "/videos/{videoId}");
  EXPECT_EQ(validation_error({a, b}), "plugins 'a' and 'b' both register the route GET /videos/{videoId}");
}

TEST(PluginGraphTest, SamePathWithOtherMethodsIsFine) {
  auto a = plugin_named("a");
  auto b = plugin_named("b");
  add_route(a, plugin::Method::Get, "/videos");
  add_route(b, plugin::Method::Post, "/videos");
  EXPECT_EQ(validation_error({a, b}), "");
}

TEST(PluginGraphTest, ATableAndACollectionOfOneNameConflict) {
  auto a = plugin_named("a");
  auto b = plugin_named("b");
  a.owned_tables["stats"] = nlohmann::json::object();
  b.owned_collections["stats"] = nlohmann::json::object();
  EXPECT_EQ(validation_error({a, b}), "plugins 'a' and 'b' both own the collection 'stats'");
}

TEST(PluginGraphTest, ReadsNeedAnEnabledOwnerThatOwnsTheTable) {
  auto reader = plugin_named("search");
  reader.reads.push_back({"catalog", "videos"});
  EXPECT_EQ(validation_error({reader}, {"catalog"}),
            "plugin 'search' reads table 'videos' of plugin 'catalog', which is disabled");
  EXPECT_EQ(validation_error({reader}),
            "plugin 'search' reads table 'videos' of plugin 'catalog', which is not listed in the config");
  auto owner = plugin_named("catalog");
  EXPECT_EQ(validation_error({reader, owner}),
            "plugin 'search' reads table 'videos' of plugin 'catalog', which does not own it");
  owner.owned_tables["videos"] = nlohmann::json::object();
  EXPECT_EQ(validation_error({reader, owner}), "");
}

TEST(PluginGraphTest, RequiredPluginMustBeEnabled) {
  auto needy = plugin_named("moderation");
  needy.required_plugins.push_back("accounts");
  EXPECT_EQ(validation_error({needy}, {"accounts"}),
            "plugin 'moderation' requires plugin 'accounts', which is disabled");
}

TEST(PluginGraphTest, StartOrderPutsDependenciesFirstAndKeepsConfigOrderOtherwise) {
  auto search = plugin_named("search");
  search.reads.push_back({"catalog", "videos"});
  auto catalog = plugin_named("catalog");
  catalog.owned_tables["videos"] = nlohmann::json::object();
  catalog.required_plugins.push_back("accounts");
  auto accounts = plugin_named("accounts");
  auto other = plugin_named("other");
  const std::vector<Registration> registrations{search, other, catalog, accounts};
  EXPECT_EQ(PluginGraph(registrations, {}).start_order(), (std::vector<std::size_t>{1, 3, 2, 0}));
}

TEST(PluginGraphTest, CyclesAreRefusedNamingThePlugins) {
  auto a = plugin_named("a");
  auto b = plugin_named("b");
  a.required_plugins.push_back("b");
  b.required_plugins.push_back("a");
  EXPECT_EQ(validation_error({a, b}), "plugins 'a', 'b' depend on each other in a cycle");
}

TEST(PluginGraphTest, ARegistrationProblemIsReportedFirst) {
  auto a = plugin_named("a");
  a.problems.push_back("route videos: route path must start with '/': 'videos'");
  EXPECT_EQ(validation_error({a}), "plugin 'a': route videos: route path must start with '/': 'videos'");
}

TEST(PluginGraphTest, DependentsAreThoseThatRequireReadOrAuthenticateThroughAPlugin) {
  auto owner = plugin_named("owner");
  owner.owned_tables["t"] = nlohmann::ordered_json::object();
  owner.account_lookup = [](const std::string&) { return plugin::StoredAccount{}; };
  auto reader = plugin_named("reader");
  reader.reads.push_back({"owner", "t"});
  auto requirer = plugin_named("requirer");
  requirer.required_plugins.push_back("owner");
  auto authenticated = plugin_named("authenticated");
  authenticated.routes.push_back({{plugin::Method::Get, "/mine", plugin::Access::Viewer}, {}});
  auto bystander = plugin_named("bystander");
  add_route(bystander, plugin::Method::Get, "/public");
  const std::vector<Registration> all = {owner, reader, requirer, authenticated, bystander};
  EXPECT_EQ(PluginGraph(all, {}).dependents_of("owner"),
            (std::vector<std::string>{"plugin 'reader' reads its table 't'", "plugin 'requirer' requires it",
                                      "plugin 'authenticated' has routes that look up accounts through it"}));
  EXPECT_TRUE(PluginGraph(all, {}).dependents_of("reader").empty());
  EXPECT_TRUE(PluginGraph({owner, bystander}, {}).dependents_of("owner").empty());
}

}  // namespace
}  // namespace killrvideo::host

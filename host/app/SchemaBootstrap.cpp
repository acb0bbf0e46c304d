#include "app/SchemaBootstrap.h"

#include <spdlog/spdlog.h>

#include "app/StartupError.h"

namespace killrvideo::host {

namespace {

// A declared table is {"definition": <createTable definition>, "indexes": [<createIndex bodies>],
// "vectorIndexes": [<createVectorIndex bodies>], "textIndexes"?: [<createTextIndex bodies>]}
// (plugin::data::TableSpec::to_json()).
nlohmann::ordered_json if_not_exists(nlohmann::ordered_json body) {
  body["options"]["ifNotExists"] = true;
  return body;
}

void run(plugin::DataClient& backend, const std::string& target, const nlohmann::ordered_json& command,
         const std::string& what) {
  const nlohmann::ordered_json response = backend.execute(target, command);
  const auto errors = response.find("errors");
  if (errors == response.end() || errors->empty()) return;
  const auto& first = errors->front();
  throw StartupError(what + ": " + first.value("errorCode", std::string("UNKNOWN_ERROR")) + ": " +
                     first.value("message", std::string()));
}

void create_table(plugin::DataClient& backend, const std::string& plugin, const std::string& name,
                  const nlohmann::ordered_json& spec) {
  const std::string what = "plugin '" + plugin + "': cannot create table '" + name + "'";
  if (!spec.is_object() || !spec.contains("definition")) throw StartupError(what + ": the spec has no definition");
  run(backend, "", {{"createTable", if_not_exists({{"name", name}, {"definition", spec["definition"]}})}}, what);
  for (const auto& index : spec.value("indexes", nlohmann::ordered_json::array())) {
    run(backend, name, {{"createIndex", if_not_exists(index)}}, what + " index " + index.value("name", ""));
  }
  for (const auto& index : spec.value("vectorIndexes", nlohmann::ordered_json::array())) {
    run(backend, name, {{"createVectorIndex", if_not_exists(index)}}, what + " vector index " + index.value("name", ""));
  }
  for (const auto& index : spec.value("textIndexes", nlohmann::ordered_json::array())) {
    run(backend, name, {{"createTextIndex", if_not_exists(index)}}, what + " text index " + index.value("name", ""));
  }
}

void create_collection(plugin::DataClient& backend, const std::string& plugin, const std::string& name,
                       const nlohmann::ordered_json& options) {
  nlohmann::ordered_json body = {{"name", name}};
  if (options.is_object() && !options.empty()) body["options"] = options;
  run(backend, "", {{"createCollection", body}}, "plugin '" + plugin + "': cannot create collection '" + name + "'");
}

}  // namespace

void create_declared_schema(plugin::DataClient& backend, const std::vector<Registration>& registrations) {
  for (const auto& registration : registrations) {
    for (const auto& [name, spec] : registration.owned_tables) create_table(backend, registration.plugin, name, spec);
    for (const auto& [name, options] : registration.owned_collections) {
      create_collection(backend, registration.plugin, name, options);
    }
    if (!registration.owned_tables.empty() || !registration.owned_collections.empty()) {
      spdlog::info("plugin '{}': {} tables and {} collections ready", registration.plugin,
                   registration.owned_tables.size(), registration.owned_collections.size());
    }
  }
}

}  // namespace killrvideo::host

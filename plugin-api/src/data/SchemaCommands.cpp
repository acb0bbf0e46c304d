#include "killrvideo/plugin/data/SchemaCommands.h"

#include <stdexcept>

namespace killrvideo::plugin::data {

namespace {

const nlohmann::ordered_json& member(const nlohmann::ordered_json& document, const char* key) {
  const auto found = document.find(key);
  if (found == document.end()) {
    throw std::invalid_argument(std::string("a table document needs \"") + key + "\", got " + document.dump());
  }
  return *found;
}

nlohmann::ordered_json with_if_not_exists(nlohmann::ordered_json body, bool if_not_exists) {
  if (if_not_exists) body["options"] = {{"ifNotExists", true}};
  return body;
}

void add_index_commands(std::vector<nlohmann::ordered_json>& commands, const char* command, const nlohmann::ordered_json& bodies,
                        bool if_not_exists) {
  for (const auto& body : bodies) commands.push_back({{command, with_if_not_exists(body, if_not_exists)}});
}

}  // namespace

nlohmann::ordered_json create_table_command(const std::string& name, const nlohmann::ordered_json& table_document, bool if_not_exists) {
  nlohmann::ordered_json body = {{"name", name}, {"definition", member(table_document, "definition")}};
  return {{"createTable", with_if_not_exists(std::move(body), if_not_exists)}};
}

std::vector<nlohmann::ordered_json> create_index_commands(const nlohmann::ordered_json& table_document, bool if_not_exists) {
  std::vector<nlohmann::ordered_json> commands;
  add_index_commands(commands, "createIndex", member(table_document, "indexes"), if_not_exists);
  add_index_commands(commands, "createVectorIndex", member(table_document, "vectorIndexes"), if_not_exists);
  add_index_commands(commands, "createTextIndex", table_document.value("textIndexes", nlohmann::ordered_json::array()),
                     if_not_exists);
  return commands;
}

nlohmann::ordered_json create_collection_command(const std::string& name, const nlohmann::ordered_json& options) {
  nlohmann::ordered_json body = {{"name", name}};
  if (!options.empty()) body["options"] = options;
  return {{"createCollection", std::move(body)}};
}

}  // namespace killrvideo::plugin::data

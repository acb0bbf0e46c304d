#pragma once
// The DDL for what plugins declared, built from the documents Registrar::own_table and own_collection
// receive (TableSpec::to_json, CollectionSpec::to_json), so the host's schema bootstrap needs nothing
// but those documents. createTable and createCollection go to the keyspace (target ""), the index
// commands to the table.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace killrvideo::plugin::data {

// {"createTable":{"name","definition"[,"options":{"ifNotExists":true}]}}
nlohmann::ordered_json create_table_command(const std::string& name, const nlohmann::ordered_json& table_document, bool if_not_exists);
// Every {"createIndex":…}, then every {"createVectorIndex":…}, then every {"createTextIndex":…}, each with
// ifNotExists when asked.
std::vector<nlohmann::ordered_json> create_index_commands(const nlohmann::ordered_json& table_document, bool if_not_exists);
// {"createCollection":{"name"[,"options"]}}: the server accepts it again with the same options.
nlohmann::ordered_json create_collection_command(const std::string& name, const nlohmann::ordered_json& options);

}  // namespace killrvideo::plugin::data

#include "app/EmbeddingProfileGuard.h"

#include <optional>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/StartupError.h"

namespace killrvideo::host {

namespace {

using json = nlohmann::ordered_json;

// The record's one row.
constexpr const char* kRecordId = "store";

json run(plugin::DataClient& store, const std::string& target, const json& command, const std::string& what) {
  json response = store.execute(target, command);
  const auto errors = response.find("errors");
  if (errors != response.end() && !errors->empty()) {
    const auto& first = errors->front();
    throw StartupError("embedding profile: cannot " + what + ": " +
                       first.value("errorCode", std::string("UNKNOWN_ERROR")) + ": " +
                       first.value("message", std::string()));
  }
  return response;
}

std::string describe(const EmbeddingProfile& profile) {
  std::string text = "provider '" + profile.provider + "'";
  if (!profile.model.empty()) text += ", model '" + profile.model + "'";
  return text + ", dimension " + std::to_string(profile.dimension);
}

std::optional<EmbeddingProfile> recorded_profile(plugin::DataClient& store) {
  const json response =
      run(store, kEmbeddingProfileTable, {{"findOne", {{"filter", {{"id", kRecordId}}}}}}, "read the record");
  const json& document = response.value("data", json::object()).value("document", json());
  if (!document.is_object()) return std::nullopt;
  return EmbeddingProfile{document.value("provider", std::string()), document.value("model", std::string()),
                          document.value("dimension", 0)};
}

// Before the record existed only the `local` provider could start, so a store that already holds vector
// columns without a record was embedded by `local`, at the columns' dimension.
std::optional<EmbeddingProfile> profile_before_records(const json& tables) {
  for (const auto& table : tables) {
    const json columns = table.value("definition", json::object()).value("columns", json::object());
    for (const auto& [column, schema] : columns.items()) {
      if (schema.is_object() && schema.value("type", std::string()) == "vector" && schema.contains("dimension")) {
        return EmbeddingProfile{"local", "", schema["dimension"].get<int>()};
      }
    }
  }
  return std::nullopt;
}

void record(plugin::DataClient& store, const EmbeddingProfile& profile) {
  const json definition = {
      {"columns", {{"id", "text"}, {"provider", "text"}, {"model", "text"}, {"dimension", "int"}}},
      {"primaryKey", "id"}};
  run(store, "",
      {{"createTable",
        {{"name", kEmbeddingProfileTable}, {"definition", definition}, {"options", {{"ifNotExists", true}}}}}},
      "create table '" + std::string(kEmbeddingProfileTable) + "'");
  run(store, kEmbeddingProfileTable,
      {{"insertOne",
        {{"document",
          {{"id", kRecordId}, {"provider", profile.provider}, {"model", profile.model}, {"dimension", profile.dimension}}}}}},
      "write the record");
}

StartupError mismatch(const EmbeddingProfile& stored, const EmbeddingProfile& configured) {
  return StartupError(
      "embedding: this store's vectors were made with " + describe(stored) + ", but the config asks for " +
      describe(configured) +
      "; vectors of the two cannot be compared, so the server will not mix them. Either set embedding back to " +
      describe(stored) +
      ", or point database.embedded.data_dir (or database.astra.keyspace) at a new store and fill it with "
      "killrvideo-load, which embeds every video with the configured provider (README, \"Changing the "
      "embedding provider\")");
}

}  // namespace

EmbeddingProfile embedding_profile_of(const EmbeddingConfig& embedding, const DatabaseConfig& database) {
  if (embedding.provider == "astra-vectorize") {
    const VectorizeConfig& vectorize = embedding.vectorize;
    std::string model = vectorize.provider + "/" + vectorize.model_name;
    if (database.backend == "embedded") {
      model += " standing in: " + vectorize.stand_in;
      if (vectorize.stand_in == "openai-compatible") model += " " + embedding.model;
    }
    return {embedding.provider, model, embedding.dimension};
  }
  // The local provider has no model; a `model:` left in its config means nothing.
  return {embedding.provider, embedding.provider == "local" ? std::string() : embedding.model, embedding.dimension};
}

void guard_embedding_profile(plugin::DataClient& store, const EmbeddingConfig& embedding,
                             const DatabaseConfig& database) {
  const EmbeddingProfile configured = embedding_profile_of(embedding, database);
  const json listing = run(store, "", {{"listTables", {{"options", {{"explain", true}}}}}}, "list the tables");
  const json tables = listing.value("status", json::object()).value("tables", json::array());
  bool has_record_table = false;
  for (const auto& table : tables) {
    if (table.value("name", std::string()) == kEmbeddingProfileTable) has_record_table = true;
  }

  std::optional<EmbeddingProfile> stored = has_record_table ? recorded_profile(store) : std::nullopt;
  const bool recorded = stored.has_value();
  if (!recorded) stored = profile_before_records(tables);
  if (stored && !(*stored == configured)) throw mismatch(*stored, configured);
  if (!recorded) {
    record(store, configured);
    spdlog::info("embedding: the store records that its vectors are made with {}", describe(configured));
  }
}

}  // namespace killrvideo::host

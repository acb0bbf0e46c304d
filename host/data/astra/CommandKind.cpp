#include "data/astra/CommandKind.h"

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

namespace killrvideo::host::astra {

namespace {

// Listed by name rather than matched by prefix: findOneAndUpdate starts with "find" and is a write.
constexpr std::array<std::string_view, 11> kReadCommands{
    "find",          "findOne",         "countDocuments", "estimatedDocumentCount", "listTables",
    "listIndexes",   "listTypes",       "findCollections", "findKeyspaces",         "findEmbeddingProviders",
    "findRerankingProviders"};

}  // namespace

CommandKind command_kind(const nlohmann::ordered_json& command) noexcept {
  if (!command.is_object() || command.size() != 1) return CommandKind::Write;
  const std::string& name = command.begin().key();
  for (const auto read : kReadCommands) {
    if (name == read) return CommandKind::Read;
  }
  return CommandKind::Write;
}

}  // namespace killrvideo::host::astra

#include "data/embedded/EmbeddedEngine.h"

#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "data/embedded/CollectionCommands.h"
#include "data/embedded/CommandBody.h"
#include "data/embedded/EngineState.h"
#include "data/embedded/KeyspaceCommands.h"
#include "data/embedded/TableCommands.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

// Commands the Data API knows on a table or collection URL; those the target's kind does not
// support are refused with UNSUPPORTED_TABLE_COMMAND / UNSUPPORTED_COLLECTION_COMMAND.
const std::set<std::string>& known_target_commands() {
  static const std::set<std::string> names = {
      "insertOne",       "insertMany",       "find",           "findOne",          "updateOne",
      "updateMany",      "deleteOne",        "deleteMany",     "countDocuments",   "estimatedDocumentCount",
      "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete", "replaceOne",     "findAndRerank",
      "alterTable",      "createIndex",      "createTextIndex", "createVectorIndex", "listIndexes"};
  return names;
}

std::string command_name(const json& command) {
  if (!command.is_object() || command.size() != 1)
    fail("", "REQUEST_STRUCTURE_MISMATCH",
         "Request is valid JSON but has a structural mismatch: the request must hold exactly one command.");
  if (!command.begin().value().is_object())
    fail("", "REQUEST_STRUCTURE_MISMATCH",
         "Request is valid JSON but has a structural mismatch: the command body must be an object.");
  return command.begin().key();
}

CommandResult run_on_keyspace(EngineState& state, const Command& command) {
  if (!is_keyspace_command(command.name))
    fail("", "COMMAND_UNKNOWN", "Command '" + command.name + "' is not a KeyspaceCommand recognized by Data API.");
  return run_keyspace_command(state, command);
}

CommandResult run_on_target(EngineState& state, const Command& command, const std::string& target) {
  if (!known_target_commands().count(command.name))
    fail("", "COMMAND_UNKNOWN", "Command '" + command.name + "' is not a CollectionCommand recognized by Data API.");
  const SchemaPtr object = state.catalog.find(command.keyspace, target);
  if (!object)
    fail("SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE",
         "The command tried to use the table or collection " + command.keyspace + "." + target + " that does not exist.");
  if (object->is_table()) {
    if (!is_table_command(command.name))
      fail("", "UNSUPPORTED_TABLE_COMMAND", "The command is not supported by tables in the API.\nThe unsupported command "
                                            "ran against the table: " + command.keyspace + "." + target +
                                                "\nThe unsupported command was: " + command.name + ".");
    return run_table_command(state, command, *object);
  }
  if (command.name == "findAndRerank")
    fail("", "COMMAND_NOT_IMPLEMENTED",
         "findAndRerank is not implemented in this local server: it has no reranking model (the Data API answers it on "
         "collections with vector and lexical search enabled and a reranking service). Use find with a vector sort.");
  if (!is_collection_command(command.name))
    fail("", "UNSUPPORTED_COLLECTION_COMMAND", "The command is not supported by collections in the API.\nThe unsupported "
                                               "command ran against the collection: " + command.keyspace + "." + target +
                                                   "\nThe unsupported command was: " + command.name + ".");
  return run_collection_command(state, command, *object);
}

void open_vector_indexes(EngineState& state) {
  auto lease = state.database.writer();
  for (const auto& object : state.catalog.all()) {
    if (!object->is_table()) {
      if (object->collection.dimension > 0)
        state.vectors.open(lease.connection(), object->id, "$vector", static_cast<std::size_t>(object->collection.dimension),
                           object->collection.metric);
      continue;
    }
    for (const auto& index : object->table.indexes)
      if (index.vector)
        state.vectors.open(lease.connection(), object->id, index.column,
                           static_cast<std::size_t>(object->table.columns.at(index.column).dimension), index.metric);
  }
}

}  // namespace

struct EmbeddedEngine::Impl {
  explicit Impl(const EngineOptions& options) : state(options.data_dir, options.page_size, options.vectorize) {}
  EngineState state;
};

EmbeddedEngine::EmbeddedEngine(EngineOptions options) {
  std::error_code error;
  std::filesystem::create_directories(options.data_dir, error);
  if (error) throw std::runtime_error("cannot create data directory " + options.data_dir.string() + ": " + error.message());
  impl_ = std::make_unique<Impl>(options);
  open_vector_indexes(impl_->state);
}

EmbeddedEngine::~EmbeddedEngine() {
  try {
    impl_->state.database.stop_holding();
  } catch (const std::exception& error) {
    // SQLite rolls the held transaction back: the store holds what the last commit_held_writes() left.
    std::fprintf(stderr, "embedded engine: committing the held writes failed: %s\n", error.what());
  }
  try {
    auto lease = impl_->state.database.reader();
    impl_->state.vectors.save_all(lease.connection());
  } catch (const std::exception& error) {
    // Nothing is lost: SQLite holds every vector and the next open rebuilds the index.
    std::fprintf(stderr, "embedded engine: saving vector indexes failed: %s\n", error.what());
  }
}

void EmbeddedEngine::hold_commits() { impl_->state.database.hold_commits(); }

void EmbeddedEngine::commit_held_writes() { impl_->state.database.commit_held(); }

json EmbeddedEngine::execute(const std::string& keyspace, const std::string& target, const json& command) noexcept {
  try {
    try {
      if (!is_valid_name(keyspace))
        fail("SCHEMA", "UNKNOWN_KEYSPACE", "The command tried to use the invalid keyspace name '" + keyspace + "'.");
      const std::string name = command_name(command);
      const Command request{keyspace, name, command.begin().value()};
      CommandResult result = target.empty() ? run_on_keyspace(impl_->state, request)
                                                  : run_on_target(impl_->state, request, target);
      return std::move(result).to_envelope();
    } catch (const CommandFailure& failure) {
      CommandResult result;
      result.errors.push_back(failure.error());
      return std::move(result).to_envelope();
    } catch (const std::exception& error) {
      CommandResult result;
      result.errors.push_back(make_error("", "INTERNAL_SERVER_ERROR",
                                         std::string("An unexpected internal server error occurred: ") + error.what()));
      return std::move(result).to_envelope();
    }
  } catch (...) {
    return json::object();  // only if building the error itself failed (out of memory)
  }
}

}  // namespace killrvideo::host::embedded

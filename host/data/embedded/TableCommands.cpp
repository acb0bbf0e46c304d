#include "data/embedded/TableCommands.h"

#include <map>

#include "data/embedded/TableAlter.h"
#include "data/embedded/TableIndexCommands.h"
#include "data/embedded/TableReads.h"
#include "data/embedded/TableWrites.h"

namespace killrvideo::host::embedded {

namespace {

using Handler = CommandResult (*)(EngineState&, const Command&, const SchemaObject&);

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"insertOne", table_insert},       {"insertMany", table_insert}, {"find", table_find},
      {"findOne", table_find},           {"updateOne", table_update_one}, {"deleteOne", table_delete},
      {"deleteMany", table_delete},      {"createIndex", run_table_index_command},
      {"createVectorIndex", run_table_index_command}, {"createTextIndex", run_table_index_command},
      {"listIndexes", run_table_index_command},      {"alterTable", table_alter},
  };
  return table;
}

}  // namespace

bool is_table_command(const std::string& name) { return handlers().count(name) > 0; }

CommandResult run_table_command(EngineState& state, const Command& command, const SchemaObject& table) {
  return handlers().at(command.name)(state, command, table);
}

}  // namespace killrvideo::host::embedded

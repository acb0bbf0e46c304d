#pragma once
// Table-level DDL sent to a table URL (data-api-wire §4.5): createIndex, createVectorIndex, createTextIndex,
// listIndexes.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

bool is_table_index_command(const std::string& name);
CommandResult run_table_index_command(EngineState& state, const Command& command, const SchemaObject& table);

}  // namespace killrvideo::host::embedded

#pragma once
// The commands a table URL accepts, and the collection-only ones it refuses (data-api-wire §4).

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

bool is_table_command(const std::string& name);
CommandResult run_table_command(EngineState& state, const Command& command, const SchemaObject& table);

}  // namespace killrvideo::host::embedded

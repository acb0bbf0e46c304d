#pragma once
// The commands a collection URL accepts (data-api-wire §5).

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

bool is_collection_command(const std::string& name);
CommandResult run_collection_command(EngineState& state, const Command& command, const SchemaObject& collection);

}  // namespace killrvideo::host::embedded

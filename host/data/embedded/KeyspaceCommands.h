#pragma once
// Commands sent to a keyspace URL (data-api-wire §3): tables, collections, dropIndex.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

bool is_keyspace_command(const std::string& name);
CommandResult run_keyspace_command(EngineState& state, const Command& command);

}  // namespace killrvideo::host::embedded

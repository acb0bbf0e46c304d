#pragma once
// find and findOne on tables (data-api-wire §4.2, §7).

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

CommandResult table_find(EngineState& state, const Command& command, const SchemaObject& table);

}  // namespace killrvideo::host::embedded

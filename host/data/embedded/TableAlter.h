#pragma once
// alterTable (data-api-wire §4.5): add and drop columns. addVectorize/dropVectorize need an embedding
// service attached to the column, which this local server does not have; they are refused as such.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

CommandResult table_alter(EngineState& state, const Command& command, const SchemaObject& table);

}  // namespace killrvideo::host::embedded

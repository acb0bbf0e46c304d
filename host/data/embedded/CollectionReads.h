#pragma once
// find, findOne, countDocuments, estimatedDocumentCount on collections.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

CommandResult collection_find(EngineState& state, const Command& command, const SchemaObject& collection);
CommandResult collection_count(EngineState& state, const Command& command, const SchemaObject& collection);

}  // namespace killrvideo::host::embedded

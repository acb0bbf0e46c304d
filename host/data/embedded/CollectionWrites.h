#pragma once
// Collection writes: inserts, updates (with upsert), replaceOne/findOneAndReplace, findOneAndUpdate/
// findOneAndDelete, deletes.
// Each runs in one write transaction under the writer lock, so read-modify-write operators such as
// $inc are atomic under concurrent callers.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

CommandResult collection_insert(EngineState& state, const Command& command, const SchemaObject& collection);
CommandResult collection_update(EngineState& state, const Command& command, const SchemaObject& collection);
CommandResult collection_replace(EngineState& state, const Command& command, const SchemaObject& collection);
CommandResult collection_delete(EngineState& state, const Command& command, const SchemaObject& collection);

}  // namespace killrvideo::host::embedded

#pragma once
// Table writes (data-api-wire §4.1, §4.3, §4.4): insertOne/insertMany (upsert with column merge),
// updateOne, deleteOne, deleteMany. Every write commits before the command returns.

#include "data/embedded/CommandResult.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

CommandResult table_insert(EngineState& state, const Command& command, const SchemaObject& table);
CommandResult table_update_one(EngineState& state, const Command& command, const SchemaObject& table);
CommandResult table_delete(EngineState& state, const Command& command, const SchemaObject& table);

}  // namespace killrvideo::host::embedded

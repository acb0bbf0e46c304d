#include "data/embedded/CollectionCommands.h"

#include <map>

#include "data/embedded/CollectionReads.h"
#include "data/embedded/CollectionWrites.h"

namespace killrvideo::host::embedded {

namespace {

using Handler = CommandResult (*)(EngineState&, const Command&, const SchemaObject&);

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"insertOne", collection_insert},        {"insertMany", collection_insert},
      {"find", collection_find},               {"findOne", collection_find},
      {"countDocuments", collection_count},    {"estimatedDocumentCount", collection_count},
      {"updateOne", collection_update},        {"updateMany", collection_update},
      {"findOneAndUpdate", collection_update}, {"deleteOne", collection_delete},
      {"deleteMany", collection_delete},       {"findOneAndDelete", collection_delete},
      {"replaceOne", collection_replace},      {"findOneAndReplace", collection_replace},
  };
  return table;
}

}  // namespace

bool is_collection_command(const std::string& name) { return handlers().count(name) > 0; }

CommandResult run_collection_command(EngineState& state, const Command& command, const SchemaObject& collection) {
  return handlers().at(command.name)(state, command, collection);
}

}  // namespace killrvideo::host::embedded

#include "ExampleTables.h"

#include <nlohmann/json.hpp>

namespace killrvideo::example {

nlohmann::json notes_table_definition() {
  // A single-column partition key and no clustering columns: each note is its own partition, found
  // only by its id. The simplest Cassandra table shape, and the one every other shape builds on.
  return {{"columns",
           {{"note_id", "uuid"}, {"author", "uuid"}, {"body", "text"}, {"created_at", "timestamp"}}},
          {"primaryKey", "note_id"}};
}

void declare_tables(plugin::Registrar& registrar) { registrar.own_table(kNotesTable, notes_table_definition()); }

}  // namespace killrvideo::example

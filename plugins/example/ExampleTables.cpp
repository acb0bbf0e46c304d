#include "ExampleTables.h"

#include "killrvideo/plugin/data/Schema.h"

namespace killrvideo::example {

plugin::data::TableSpec notes_table() {
  // A single-column partition key and no clustering columns: each note is its own partition, found
  // only by its id. The simplest Cassandra table shape, and the one every other shape builds on.
  return plugin::data::TableSpec(kNotesTable)
      .column("note_id", "uuid")
      .column("author", "uuid")
      .column("body", "text")
      .column("created_at", "timestamp")
      .partition_by({"note_id"});
}

void declare_tables(plugin::Registrar& registrar) { plugin::data::own(registrar, notes_table()); }

}  // namespace killrvideo::example

#pragma once
// The tables the example plugin owns.

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::example {

inline constexpr const char* kNotesTable = "example_notes";

plugin::data::TableSpec notes_table();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::example

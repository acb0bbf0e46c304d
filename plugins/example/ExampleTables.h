#pragma once
// The tables the example plugin owns.

#include <nlohmann/json_fwd.hpp>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::example {

inline constexpr const char* kNotesTable = "example_notes";

// The Data API createTable definition of `example_notes`.
nlohmann::json notes_table_definition();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::example

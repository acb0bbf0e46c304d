#pragma once
// Declaring an owned table or collection from its spec, in register_with:
//
//   data::own(registrar, videos_table());

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::plugin::data {

// Throws std::invalid_argument for an inconsistent spec (TableSpec::to_json).
inline void own(Registrar& registrar, const TableSpec& spec) { registrar.own_table(spec.name(), spec.to_json()); }
inline void own(Registrar& registrar, const CollectionSpec& spec) {
  registrar.own_collection(spec.name(), spec.to_json());
}

}  // namespace killrvideo::plugin::data

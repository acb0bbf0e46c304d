#include "killrvideo/plugin/data/Projection.h"

namespace killrvideo::plugin::data {

Projection Projection::include(const std::vector<std::string>& columns) { return of(columns, 1); }
Projection Projection::exclude(const std::vector<std::string>& columns) { return of(columns, 0); }
Projection Projection::everything() { return of({"*"}, 1); }

Projection Projection::of(const std::vector<std::string>& columns, int flag) {
  Projection projection;
  for (const auto& column : columns) projection.document_[column] = flag;
  return projection;
}

}  // namespace killrvideo::plugin::data

#pragma once
// nlohmann::json keeps object keys sorted, and the data seam (DataClient, Registrar) carries
// nlohmann::json. Where the Data API reads meaning into key order — a multi-column sort, a table's
// clustering columns — only an alphabetical order survives; anything else would silently become another
// sort or another primary key, which for a table cannot be altered later.

#include <string>
#include <vector>

namespace killrvideo::plugin::data::detail {

// Throws std::invalid_argument naming `what` unless `keys` are in the order a JSON object keeps.
void require_order_survives_json(const std::vector<std::string>& keys, const std::string& what);

}  // namespace killrvideo::plugin::data::detail

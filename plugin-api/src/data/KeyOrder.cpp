#include "KeyOrder.h"

#include <algorithm>
#include <stdexcept>

namespace killrvideo::plugin::data::detail {

void require_order_survives_json(const std::vector<std::string>& keys, const std::string& what) {
  if (std::is_sorted(keys.begin(), keys.end())) return;
  std::string listed;
  for (const auto& key : keys) listed += (listed.empty() ? "" : ", ") + key;
  throw std::invalid_argument(what + " (" + listed +
                              ") is not in alphabetical order, and a JSON object through the data seam keeps "
                              "its keys sorted: the order would be lost");
}

}  // namespace killrvideo::plugin::data::detail

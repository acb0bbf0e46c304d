#pragma once
// The paginated envelope of api-contract §1.3:
// {"data":[…],"pagination":{"currentPage","pageSize","totalItems","totalPages"}}.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Validation.h"

namespace killrvideo::plugin {

// totalPages = ceil(totalItems / pageSize), 0 when there are no items.
inline nlohmann::json page_envelope(nlohmann::json items, const PageRequest& page, std::int64_t total_items) {
  const std::int64_t total_pages = total_items == 0 ? 0 : (total_items + page.page_size - 1) / page.page_size;
  return {{"data", std::move(items)},
          {"pagination",
           {{"currentPage", page.page}, {"pageSize", page.page_size}, {"totalItems", total_items},
            {"totalPages", total_pages}}}};
}

// The index of the first item of `page` (0-based).
inline std::int64_t page_offset(const PageRequest& page) {
  return static_cast<std::int64_t>(page.page - 1) * page.page_size;
}

}  // namespace killrvideo::plugin

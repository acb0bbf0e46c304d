#pragma once
// Reading query and path parameters with FastAPI-shaped 422 issues (api-contract §1.3, §1.4).

#include <optional>
#include <string>
#include <string_view>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin {

struct PageRequest {
  int page = 1;
  int page_size = 10;
};

inline constexpr int kDefaultPageSize = 10;
inline constexpr int kMaxPageSize = 100;

bool is_canonical_uuid(std::string_view text) noexcept;

// Throw ValidationError (422) with one issue naming the parameter.
int query_int(const Request& request, std::string_view name, int default_value, int min, int max);
std::optional<std::string> query_string(const Request& request, std::string_view name);
// Required: missing → "missing"; shorter than min_length → "string_too_short".
std::string required_query_string(const Request& request, std::string_view name, std::size_t min_length = 1);
// `page` ≥ 1 (default 1) and `pageSize` 1..100 (default 10).
PageRequest page_request(const Request& request);
// A path parameter that must be a UUID (any case accepted, returned lowercase); else "uuid_parsing".
std::string uuid_path_param(const Request& request, std::string_view name);

}  // namespace killrvideo::plugin

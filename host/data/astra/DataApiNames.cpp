#include "data/astra/DataApiNames.h"

#include <cctype>

namespace killrvideo::host::astra {

namespace {
constexpr std::size_t kMaxNameLength = 48;
}

bool is_data_api_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  if (std::isalpha(static_cast<unsigned char>(name.front())) == 0) return false;
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') return false;
  }
  return true;
}

}  // namespace killrvideo::host::astra

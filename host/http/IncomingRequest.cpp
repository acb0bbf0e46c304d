#include "http/IncomingRequest.h"

#include <strings.h>

namespace killrvideo::host {

std::optional<std::string_view> IncomingRequest::header(std::string_view name) const noexcept {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0) return value;
  }
  return std::nullopt;
}

}  // namespace killrvideo::host

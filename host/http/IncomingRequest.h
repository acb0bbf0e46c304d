#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/CorsPolicy.h"

namespace killrvideo::host {

// A request as the HTTP layer received it, before routing: owned copies, so it can move to a worker.
struct IncomingRequest {
  std::string method;
  std::string raw_path;  // as sent, without the query string; still percent-encoded
  std::vector<std::pair<std::string, std::string>> query;  // percent-decoded, in arrival order
  std::string raw_query;  // as sent, for the problem body's `instance`
  HeaderList headers;
  std::string body;
  std::string client_address;  // the peer's address

  // Case-insensitive; the first value when a header repeats.
  std::optional<std::string_view> header(std::string_view name) const noexcept;
};

}  // namespace killrvideo::host

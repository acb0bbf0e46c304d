#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace killrvideo::host::embedded {

// Standard, padded base64 ("$binary" values, page states).
std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not canonical padded base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace killrvideo::host::embedded

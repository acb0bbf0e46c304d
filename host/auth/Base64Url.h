#pragma once
// The unpadded base64url alphabet of JWT segments (RFC 7515 §2).

#include <optional>
#include <string>
#include <string_view>

namespace killrvideo::host {

class Base64Url {
 public:
  static std::string encode(std::string_view bytes);
  // Nullopt unless `text` is exactly what encode() produces for some input: unpadded, url alphabet
  // only, and zero unused trailing bits, so that one byte string has exactly one accepted encoding.
  static std::optional<std::string> decode(std::string_view text);
};

}  // namespace killrvideo::host

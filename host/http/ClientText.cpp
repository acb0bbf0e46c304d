#include "http/ClientText.h"

namespace killrvideo::host {

namespace {

// `text` with each byte `keep` refuses written as `marker` and two hex digits from `digits`.
template <typename Keep>
std::string escaped(std::string_view text, std::string_view marker, const char* digits, Keep keep) {
  std::string result;
  result.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (keep(byte)) {
      result += c;
    } else {
      result += marker;
      result += digits[byte >> 4];
      result += digits[byte & 0x0F];
    }
  }
  return result;
}

}  // namespace

std::string loggable(std::string_view client_text) {
  return escaped(client_text, "\\x", "0123456789abcdef",
                 [](unsigned char byte) { return byte >= 0x20 && byte < 0x7F && byte != '\\'; });
}

std::string url_text(std::string_view client_text) {
  return escaped(client_text, "%", "0123456789ABCDEF", [](unsigned char byte) { return byte > 0x20 && byte < 0x7F; });
}

}  // namespace killrvideo::host

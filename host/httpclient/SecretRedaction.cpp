#include "httpclient/SecretRedaction.h"

namespace killrvideo::host::httpclient {

std::string redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  constexpr std::string_view kMask = "[redacted]";
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kMask.size())) {
    text.replace(at, secret.size(), kMask);
  }
  return text;
}

}  // namespace killrvideo::host::httpclient

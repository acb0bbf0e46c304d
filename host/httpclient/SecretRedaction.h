#pragma once
// Keeps a secret (an API key, a token) out of messages built from text a server sent back: a gateway may
// echo request headers, and a provider may quote the key it refused.

#include <string>
#include <string_view>

namespace killrvideo::host::httpclient {

// `text` with every occurrence of `secret` replaced by "[redacted]".
std::string redact(std::string text, std::string_view secret);

}  // namespace killrvideo::host::httpclient

#pragma once
// Settings shared by the Astra client tests: a loopback endpoint, a recognisable token, short waits.

#include <string>

#include "config/Config.h"
#include "httpclient/RetryPolicy.h"

namespace killrvideo::testing {

inline constexpr const char* kTestToken = "AstraCS:test-token-7f3a9c1e:0123456789abcdef";

inline host::AstraConfig astra_config(const std::string& endpoint, int timeout_ms = 5000) {
  host::AstraConfig config;
  config.endpoint = endpoint;
  config.token = kTestToken;
  config.keyspace = "killrvideo";
  config.timeout_ms = timeout_ms;
  return config;
}

// Three attempts with millisecond backoff, so retry tests run fast.
inline host::httpclient::RetryPolicy quick_retries() {
  return {3, std::chrono::milliseconds(5), std::chrono::milliseconds(20)};
}

}  // namespace killrvideo::testing

#pragma once
// Config files for integration tests: loopback, no database, the built plugins and the test fixtures.

#include <string>

#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {

inline constexpr const char* kTestJwtSecret = "integration-test-secret";

// `plugins` is the YAML list under `plugins:` (each line starting with "  - "); `server_extra` adds keys
// to the `server:` mapping, e.g. "max_body_bytes: 64".
// `database` replaces the default (no database) block.
inline std::string test_config(const std::string& plugins, const std::string& server_extra = "",
                               const std::string& auth_extra = "",
                               const std::string& database = "database:\n  backend: none\n") {
  return "server:\n"
         "  listen: 127.0.0.1\n"
         "  cors_origins: [\"http://localhost:8080\"]\n" +
         (server_extra.empty() ? std::string() : "  " + server_extra + "\n") +
         "auth:\n"
         "  jwt_secret: \"" + std::string(kTestJwtSecret) + "\"\n"
         "  bcrypt_cost: 4\n" +
         (auth_extra.empty() ? std::string() : "  " + auth_extra + "\n") +
         database +
         "plugin_dirs: [\"" + plugin_dir() + "\", \"" + fixture_dir() + "\"]\n"
         "plugins:\n" + plugins;
}

}  // namespace killrvideo::testing

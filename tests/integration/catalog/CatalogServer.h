#pragma once
// The real server with the catalog plugin, and tokens for the callers the catalog's gates tell apart.

#include <chrono>
#include <string>
#include <vector>

#include "auth/JwtCodec.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing::catalog {

inline constexpr const char* kCreatorId = "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";
inline constexpr const char* kOtherCreatorId = "7d2a1f9b-3c8e-4a2f-8b62-1e4d3c5b6f70";
inline constexpr const char* kViewerId = "8e3b2a0c-4d9f-4b3a-9c73-2f5e4d6c7a81";
inline constexpr const char* kModeratorId = "9f4c3b1d-5e0a-4c4b-8d84-3a6f5e7d8b92";
inline constexpr const char* kEmbeddedDatabase = "database:\n  backend: embedded\n  embedded: { data_dir: ./data }\n";

inline std::string astra_database(const std::string& endpoint, const std::string& token) {
  return "database:\n  backend: astra\n  astra:\n    endpoint: " + endpoint + "\n    token: \"" + token +
         "\"\n    keyspace: killrvideo\n";
}

inline std::string catalog_config(const std::string& database = kEmbeddedDatabase) {
  return test_config("  - { name: catalog }\n", "", "", database);
}

// "Authorization: Bearer <jwt>" signed with the test server's secret; without an accounts plugin the
// host takes the token's roles as the caller's.
inline std::string bearer(const std::string& user_id, const std::vector<std::string>& roles) {
  const host::JwtCodec codec(kTestJwtSecret, host::system_seconds_clock());
  return "Authorization: Bearer " + codec.issue(user_id, roles, std::chrono::minutes(30));
}

inline std::string creator() { return bearer(kCreatorId, {"creator"}); }
inline std::string other_creator() { return bearer(kOtherCreatorId, {"creator"}); }
inline std::string viewer() { return bearer(kViewerId, {"viewer"}); }
inline std::string moderator() { return bearer(kModeratorId, {"moderator"}); }

inline std::string submission(const std::string& url, const std::string& extra_fields = "") {
  return R"({"youtubeUrl":")" + url + "\"" + extra_fields + "}";
}

}  // namespace killrvideo::testing::catalog

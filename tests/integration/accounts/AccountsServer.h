#pragma once
// The accounts plugin in a real server on the embedded engine, and the HTTP steps every account test
// takes: register, log in, send a token.

#include <atomic>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {

inline constexpr const char* kModeratorEmail = "mod@example.com";
inline constexpr const char* kPassword = "correct-horse-battery";
inline constexpr const char* kEmbeddedDatabase = "database:\n  backend: embedded\n  embedded: { data_dir: ./data }\n";

// `default_roles` as YAML, e.g. "[viewer, creator]"; mod@example.com is a configured moderator.
inline std::string accounts_config(const std::string& default_roles = "[viewer, creator]",
                                   const std::string& database = kEmbeddedDatabase) {
  return test_config("  - { name: accounts }\n", "",
                     "default_roles: " + default_roles + "\n  moderators: [" + kModeratorEmail + "]", database);
}

// A fresh address per call, so tests sharing one server never collide.
inline std::string unique_email(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + std::to_string(++counter) + "@example.com";
}

inline HttpResponse register_user(HttpClient& client, const std::string& email, const std::string& first = "Ada",
                                  const std::string& last = "Lovelace") {
  const nlohmann::json body = {{"firstName", first}, {"lastName", last}, {"email", email}, {"password", kPassword}};
  return client.post("/api/v1/users/register", body.dump());
}

inline HttpResponse log_in(HttpClient& client, const std::string& email, const std::string& password = kPassword) {
  return client.post("/api/v1/users/login", nlohmann::json({{"email", email}, {"password", password}}).dump());
}

inline std::string bearer(const std::string& token) { return "Authorization: Bearer " + token; }

// Registers and logs in; the login answer ({token, user}). Fails the test when either step does.
inline nlohmann::json signed_up(HttpClient& client, const std::string& email) {
  const auto registered = register_user(client, email);
  EXPECT_EQ(registered.status, 201) << registered.body;
  const auto login = log_in(client, email);
  EXPECT_EQ(login.status, 200) << login.body;
  return login.json();
}

}  // namespace killrvideo::testing

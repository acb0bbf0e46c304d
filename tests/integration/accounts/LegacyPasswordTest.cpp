// Rows written before the current rules: the sample data's unsalted SHA-256 passwords (login accepts
// them once and stores bcrypt instead), and credentials keyed by a mixed-case address (they keep
// working). The server runs on a local Data API server, so the test can plant the legacy rows and read
// what login left.

#include <gtest/gtest.h>

#include "data/astra/AstraDataClient.h"
#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kDataApiToken = "AstraCS:accounts-integration";
constexpr const char* kLegacyPassword = "legacy-password";
// sha256("legacy-password") in hex, the format of user_credentials.csv.
constexpr const char* kLegacyDigest = "6bed82f7da9a703f86f1d89288910edc2681b26d010db89c3666807d364e68a6";

class LegacyPasswordTest : public ::testing::Test {
 protected:
  LegacyPasswordTest()
      : server_(accounts_config("[viewer, creator]", "database:\n  backend: astra\n  astra:\n    endpoint: " +
                                                         data_api_.base_url() + "\n    token: \"" + kDataApiToken +
                                                         "\"\n    keyspace: killrvideo\n")),
        client_(server_.base_url()),
        direct_(direct_config()) {}

  host::AstraConfig direct_config() const {
    host::AstraConfig config;
    config.endpoint = data_api_.base_url();
    config.token = kDataApiToken;
    config.keyspace = "killrvideo";
    return config;
  }

  // What killrvideo-load writes from user_credentials.csv.
  void plant_credentials(const std::string& email, const std::string& user_id, const std::string& password,
                         bool locked) {
    const ordered_json response = direct_.execute(
        "user_credentials",
        {{"insertOne",
          {{"document", {{"email", email}, {"password", password}, {"userid", user_id}, {"account_locked", locked}}}}}});
    ASSERT_FALSE(response.contains("errors")) << response.dump();
  }

  // A users row as registration wrote it, without going through the API.
  void plant_user(const std::string& email, const std::string& user_id) {
    const ordered_json response = direct_.execute(
        "users", {{"insertOne",
                   {{"document",
                     {{"userid", user_id}, {"created_date", "2025-01-01T00:00:00.000Z"}, {"email", email},
                      {"firstname", "Old"}, {"lastname", "Timer"}, {"account_status", "active"},
                      {"roles", {"viewer"}}}}}}});
    ASSERT_FALSE(response.contains("errors")) << response.dump();
  }

  std::string stored_password(const std::string& email) {
    const ordered_json response =
        direct_.execute("user_credentials", {{"findOne", {{"filter", {{"email", email}}}}}});
    return response["data"]["document"]["password"];
  }

  DataApiProcess data_api_{kDataApiToken};
  ServerProcess server_;
  HttpClient client_;
  host::astra::AstraDataClient direct_;
};

TEST_F(LegacyPasswordTest, ALegacyDigestLogsInOnceAndIsReplacedByBcrypt) {
  const std::string email = "legacy@example.com";
  const std::string user_id = register_user(client_, email).json()["userId"];
  plant_credentials(email, user_id, kLegacyDigest, false);

  const auto first = log_in(client_, email, kLegacyPassword);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["user"]["userId"], user_id);

  const std::string upgraded = stored_password(email);
  EXPECT_EQ(upgraded.rfind("$2b$", 0), 0U) << upgraded;
  EXPECT_EQ(log_in(client_, email, kLegacyPassword).status, 200);
  EXPECT_EQ(stored_password(email), upgraded) << "a current hash is left alone";
}

TEST_F(LegacyPasswordTest, AWrongPasswordLeavesTheLegacyDigestInPlace) {
  const std::string email = "legacy-wrong@example.com";
  const std::string user_id = register_user(client_, email).json()["userId"];
  plant_credentials(email, user_id, kLegacyDigest, false);

  EXPECT_EQ(log_in(client_, email, "not-it-at-all").status, 401);
  EXPECT_EQ(stored_password(email), kLegacyDigest);
}

TEST_F(LegacyPasswordTest, ALockedAccountIs401WithTheRightPassword) {
  const std::string email = "locked@example.com";
  const std::string user_id = register_user(client_, email).json()["userId"];
  plant_credentials(email, user_id, kLegacyDigest, true);

  const auto response = log_in(client_, email, kLegacyPassword);

  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json()["detail"], "Incorrect email or password");
  EXPECT_EQ(stored_password(email), kLegacyDigest);
}

TEST_F(LegacyPasswordTest, AMixedCaseCredentialsRowStillLogsInAndKeepsItsAddressTaken) {
  const std::string email = "Old.Timer@example.com";
  const std::string user_id = "0b6bd2d4-2a0e-4d7b-9d52-0c1b1cb5e0f1";
  plant_user(email, user_id);
  plant_credentials(email, user_id, kLegacyDigest, false);

  const auto login = log_in(client_, email, kLegacyPassword);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json()["user"]["userId"], user_id);
  EXPECT_EQ(stored_password(email).rfind("$2b$", 0), 0U) << "the upgrade rewrote the row it found";

  // Before that login only the exact and the lower-case spelling were known to be taken; the login claimed
  // the address, so every spelling is.
  for (const char* other_case : {"Old.Timer@example.com", "old.timer@example.com", "OLD.TIMER@example.com"}) {
    const auto again = register_user(client_, other_case);
    EXPECT_EQ(again.status, 400) << other_case << ": " << again.body;
  }
}

}  // namespace
}  // namespace killrvideo::testing

// killrvideo-load through the accounts and catalog importers, then the real server on the same embedded
// store: the KillrVideo export loads and re-loads without duplicates, bad rows are named by file and line,
// legacy passwords sign in and become bcrypt, and the demo data fills an empty store once.

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include "data/embedded/EmbeddedEngine.h"
#include "tests/support/HttpClient.h"
#include "tests/tools/loader/LoaderStore.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kAccountsAndCatalog = "  - { name: accounts }\n  - { name: catalog }\n";
constexpr const char* kUsersHeader = "userid,created_date,email,firstname,lastname,account_status,last_login_date\n";
constexpr const char* kCredentialsHeader = "email,password,userid,account_locked\n";

class LoaderImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!plugin_built("accounts") || !plugin_built("catalog")) {
      GTEST_SKIP() << "needs the accounts and catalog plugins (their importers); accounts.so / catalog.so are not "
                      "built in " << plugin_dir() << " yet";
    }
  }
};

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

// Whether a line of the loader's output starts with `prefix` (timings end the summary lines).
bool has_line(const std::string& output, const std::string& prefix) {
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

nlohmann::json latest_page(const LoaderStore& store) {
  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  const auto response = client.get("/api/v1/videos/latest?pageSize=100");
  EXPECT_EQ(response.status, 200) << response.body;
  return response.json();
}

HttpResponse log_in(HttpClient& client, const std::string& email, const std::string& password) {
  return client.post("/api/v1/users/login", nlohmann::json{{"email", email}, {"password", password}}.dump(),
                     {"Content-Type: application/json"});
}

std::string stored_password(const std::string& data_dir, const std::string& email) {
  host::embedded::EmbeddedEngine engine({data_dir});
  const auto response = engine.execute(
      "killrvideo", "user_credentials", nlohmann::ordered_json{{"findOne", {{"filter", {{"email", email}}}}}});
  return response["data"]["document"].value("password", std::string());
}

TEST_F(LoaderImportTest, TheKillrVideoExportLoadsAndAReRunChangesNothing) {
  if (!std::filesystem::is_directory(shared_data_dir())) {
    GTEST_SKIP() << "the KillrVideo export is not at " << shared_data_dir();
  }
  const LoaderStore store(kAccountsAndCatalog);
  for (int run = 1; run <= 2; ++run) {
    const auto result = store.load({shared_data_dir()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_TRUE(has_line(result.output, "users.csv: 150 rows loaded, 0 skipped, ")) << "run " << run << ":\n"
                                                                                  << result.output;
    EXPECT_TRUE(has_line(result.output, "user_credentials.csv: 150 rows loaded, 0 skipped, ")) << result.output;
    EXPECT_TRUE(has_line(result.output, "videos_cleaned.csv: 500 rows loaded, 0 skipped, ")) << result.output;
    EXPECT_TRUE(has_line(result.output, "video_playback_stats.csv: 500 rows loaded, 0 skipped, ")) << result.output;
    EXPECT_TRUE(has_line(result.output, "comments.csv: skipped, no enabled plugin imports data set 'comments'"))
        << result.output;
    const auto page = latest_page(store);
    EXPECT_EQ(page["pagination"]["totalItems"], 500) << "run " << run;
    EXPECT_EQ(page["data"].size(), 100u);
  }
}

TEST_F(LoaderImportTest, BadRowsAreNamedByFileAndLineAndTheOtherRowsLoad) {
  const LoaderStore store(kAccountsAndCatalog);
  const std::string users = std::string(kUsersHeader) +
      "0b7e7dfd-0d9c-4b4e-9a0b-6a0e1f4f8a01,2025-01-02T03:04:05.000Z,first@example.com,\"Ann, Jr.\",Lee,active,"
      "2025-02-01T00:00:00.000Z\n"
      "0b7e7dfd-0d9c-4b4e-9a0b-6a0e1f4f8a02,2025-01-02T03:04:05.000Z,short@example.com,Too,Short\n"
      "0b7e7dfd-0d9c-4b4e-9a0b-6a0e1f4f8a03,2025-01-02T03:04:05.000Z,third@example.com,\"Multi\nLine\",Name,active,"
      "2025-02-01T00:00:00.000Z\n"
      "not-a-uuid,2025-01-02T03:04:05.000Z,bad@example.com,Bad,Id,active,2025-02-01T00:00:00.000Z\n";
  const auto folder = store.write_folder("csv", {{"users.csv", users}});

  const auto result = store.load({folder});

  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(has_line(result.output, "users.csv:3: expected 7 fields, found 5")) << result.output;
  EXPECT_TRUE(has_line(result.output, "users.csv:6: userid 'not-a-uuid' is not a UUID")) << result.output;
  EXPECT_TRUE(has_line(result.output, "users.csv: 2 rows loaded, 2 skipped, ")) << result.output;
  EXPECT_TRUE(has_line(result.output, "videos_cleaned.csv: skipped, not in " + folder)) << result.output;
}

TEST_F(LoaderImportTest, ALegacyPasswordDigestSignsInAndIsStoredAsBcryptAfterwards) {
  const LoaderStore store(kAccountsAndCatalog);
  const std::string email = "legacy@example.com";
  const std::string password = "correct horse battery staple";
  const std::string userid = "5f0c1f3e-8f53-4c7e-a1d4-2c9e7b1a6d10";
  const auto folder = store.write_folder(
      "csv", {{"users.csv", std::string(kUsersHeader) + userid + ",2025-01-02T03:04:05.000Z," + email +
                                ",Leg,Acy,active,2025-02-01T00:00:00.000Z\n"},
              {"user_credentials.csv", std::string(kCredentialsHeader) + email + "," + sha256_hex(password) + "," +
                                           userid + ",false\n"}});
  const auto result = store.load({folder});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ASSERT_TRUE(has_line(result.output, "user_credentials.csv: 1 rows loaded, 0 skipped, ")) << result.output;
  ASSERT_EQ(stored_password(store.data_dir(), email), sha256_hex(password));
  {
    ServerProcess server(store.config_yaml());
    HttpClient client(server.base_url());
    const auto first = log_in(client, email, password);
    EXPECT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["user"]["userId"], userid) << first.body;
    const auto second = log_in(client, email, password);
    EXPECT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(log_in(client, email, "wrong password").status, 401);
  }
  EXPECT_EQ(stored_password(store.data_dir(), email).rfind("$2b$", 0), 0u);
}

TEST_F(LoaderImportTest, DemoIfEmptyFillsAnEmptyStoreOnceAndItsUsersSignIn) {
  const LoaderStore store(kAccountsAndCatalog);
  const auto first = store.load({"--demo", "--if-empty"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(has_line(first.output, "demo users: 3 rows loaded, 0 skipped, ")) << first.output;
  EXPECT_TRUE(has_line(first.output, "demo videos: 12 rows loaded, 0 skipped, ")) << first.output;
  EXPECT_TRUE(has_line(first.output, "demo video_playback_stats: 12 rows loaded, 0 skipped, ")) << first.output;

  const auto second = store.load({"--demo", "--if-empty"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(second.output, "the store already has videos: nothing loaded (--if-empty)\n");

  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  const auto latest = client.get("/api/v1/videos/latest?pageSize=100").json();
  EXPECT_EQ(latest["pagination"]["totalItems"], 12) << latest;
  EXPECT_EQ(latest["data"][0]["title"], "Data Modeling in Cassandra: Start From Your Queries") << latest;
  EXPECT_EQ(log_in(client, "ada@example.com", "demo-password").status, 200);
}

}  // namespace
}  // namespace killrvideo::testing

// One email address, one account: addresses are compared ignoring case everywhere, and of any number of
// simultaneous registrations of one address exactly one succeeds (the user_email_claims collection).

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr int kSimultaneousRegistrations = 16;
constexpr int kRaceTrials = 5;

// Registers `email` from kSimultaneousRegistrations connections released at the same moment; the statuses.
std::vector<long> register_simultaneously(const ServerProcess& server, const std::string& email) {
  std::mutex mutex;
  std::condition_variable start;
  bool go = false;
  std::vector<long> statuses(kSimultaneousRegistrations, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kSimultaneousRegistrations; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(server.base_url());  // one connection per thread: a client is not shared
      std::unique_lock<std::mutex> lock(mutex);
      start.wait(lock, [&] { return go; });
      lock.unlock();
      statuses[i] = register_user(client, email, "Racer", std::to_string(i)).status;
    });
  }
  {
    const std::lock_guard<std::mutex> lock(mutex);
    go = true;
  }
  start.notify_all();
  for (auto& thread : threads) thread.join();
  return statuses;
}

void expect_exactly_one_registration_wins(const ServerProcess& server, const std::string& prefix) {
  for (int trial = 0; trial < kRaceTrials; ++trial) {
    const std::string email = unique_email(prefix);
    const auto statuses = register_simultaneously(server, email);

    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1) << email;
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 400), kSimultaneousRegistrations - 1) << email;
    HttpClient client(server.base_url());
    EXPECT_EQ(log_in(client, email).status, 200) << "the one account that won can log in: " << email;
  }
}

class EmailIdentityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(accounts_config()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* EmailIdentityTest::server_ = nullptr;

TEST_F(EmailIdentityTest, AConfiguredModeratorsAddressInOtherCaseCannotBeRegisteredAgain) {
  const auto first = register_user(client_, kModeratorEmail);
  ASSERT_EQ(first.status, 201) << first.body;

  const auto impostor = register_user(client_, "MOD@Example.COM", "Mallory", "Impostor");

  EXPECT_EQ(impostor.status, 400) << impostor.body;
  EXPECT_EQ(impostor.json()["detail"], "Email already registered");
  const auto login = log_in(client_, "MOD@example.com");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json()["user"]["userId"], first.json()["userId"]) << "the one account, the first one";
  EXPECT_EQ(login.json()["user"]["firstName"], "Ada");
}

TEST_F(EmailIdentityTest, LoginIgnoresTheCaseOfTheAddress) {
  const std::string email = unique_email("MixedCase");
  ASSERT_EQ(register_user(client_, email).status, 201);

  EXPECT_EQ(log_in(client_, email).status, 200);
  std::string upper = email;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto login = log_in(client_, upper);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json()["user"]["email"], email) << "the address is shown as it was registered";
}

TEST_F(EmailIdentityTest, OfSimultaneousRegistrationsOfOneAddressExactlyOneSucceeds) {
  expect_exactly_one_registration_wins(*server_, "race");
}

TEST(EmailIdentityThroughTheDataApiTest, OfSimultaneousRegistrationsOfOneAddressExactlyOneSucceeds) {
  const std::string token = "AstraCS:accounts-integration";
  DataApiProcess data_api(token);
  const ServerProcess server(accounts_config(
      "[viewer, creator]", "database:\n  backend: astra\n  astra:\n    endpoint: " + data_api.base_url() +
                               "\n    token: \"" + token + "\"\n    keyspace: killrvideo\n"));
  expect_exactly_one_registration_wins(server, "race-data-api");
}

}  // namespace
}  // namespace killrvideo::testing

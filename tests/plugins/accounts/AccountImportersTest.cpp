// killrvideo-load's rows of users.csv and user_credentials.csv become upserts of the two account tables.
#include "AccountsPlugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ExpectedCalls.h"
#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace {

using killrvideo::accounts::AccountsPlugin;
using killrvideo::plugin::ImportRow;
using killrvideo::plugin::testing::FakeHost;
using nlohmann::ordered_json;
using namespace killrvideo::accounts::testing;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kUserId = "7777b733-a6b8-47e7-83ad-bc2739ae9954";
constexpr const char* kLegacyDigest = "913d199f349e540cf50caa123e5697cb1d6089eff315529b3ea3f7d9ff917632";

ImportRow users_csv_row() {
  return {{"userid", kUserId},
          {"created_date", "2025-04-29T03:55:08.964Z"},
          {"email", "johnsonjoshua@example.org"},
          {"firstname", "Donald"},
          {"lastname", "Garcia"},
          {"account_status", "active"},
          {"last_login_date", "2025-10-21T23:04:18.055Z"}};
}

ImportRow credentials_csv_row() {
  return {{"email", "johnsonjoshua@example.org"}, {"password", kLegacyDigest}, {"userid", kUserId}, {"account_locked", "false"}};
}

class AccountImportersTest : public ::testing::Test {
 protected:
  AccountImportersTest() { host_.load<AccountsPlugin>(); }
  FakeHost host_{"accounts"};
};

TEST_F(AccountImportersTest, AUserRowIsUpsertedWithTheRolesOfANewAccount) {
  host_.data().queue_response(inserted_row({kUserId}));

  EXPECT_EQ(host_.import_row("users", users_csv_row()), "");

  expect_calls(host_, {call("users", {{"insertOne",
                                       {{"document",
                                         {{"userid", kUserId},
                                          {"created_date", "2025-04-29T03:55:08.964Z"},
                                          {"email", "johnsonjoshua@example.org"},
                                          {"firstname", "Donald"},
                                          {"lastname", "Garcia"},
                                          {"account_status", "active"},
                                          {"roles", {"viewer", "creator"}},
                                          {"last_login_date", "2025-10-21T23:04:18.055Z"}}}}}})});
}

TEST_F(AccountImportersTest, AConfiguredModeratorIsImportedAsModerator) {
  host_.auth().set_moderators({"johnsonjoshua@example.org"});
  host_.data().queue_response(inserted_row({kUserId}));

  ASSERT_EQ(host_.import_row("users", users_csv_row()), "");

  EXPECT_EQ(host_.data().calls()[0].command["insertOne"]["document"]["roles"],
            ordered_json({"viewer", "creator", "moderator"}));
}

TEST_F(AccountImportersTest, AnEmptyLastLoginLeavesTheColumnNullAndTimestampsAreNormalised) {
  ImportRow row = users_csv_row();
  row["last_login_date"] = "";
  row["created_date"] = "2025-04-29T05:55:08+02:00";
  host_.data().queue_response(inserted_row({kUserId}));

  ASSERT_EQ(host_.import_row("users", row), "");

  const ordered_json document = host_.data().calls()[0].command["insertOne"]["document"];
  EXPECT_FALSE(document.contains("last_login_date"));
  EXPECT_EQ(document["created_date"], "2025-04-29T03:55:08.000Z");
}

TEST_F(AccountImportersTest, BadUserRowsAreRefusedWithAClearMessage) {
  ImportRow bad_id = users_csv_row();
  bad_id["userid"] = "x";
  EXPECT_EQ(host_.import_row("users", bad_id), "userid 'x' is not a UUID");

  ImportRow bad_date = users_csv_row();
  bad_date["created_date"] = "29/04/2025";
  EXPECT_EQ(host_.import_row("users", bad_date), "created_date '29/04/2025' is not an ISO-8601 timestamp");

  ImportRow no_email = users_csv_row();
  no_email.erase("email");
  EXPECT_EQ(host_.import_row("users", no_email), "column 'email' is missing");

  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(AccountImportersTest, ACredentialsRowKeepsTheLegacyDigestForLoginToUpgrade) {
  host_.data().queue_response(inserted_row({"johnsonjoshua@example.org"}));
  host_.data().queue_response(inserted_row({"johnsonjoshua@example.org"}));

  EXPECT_EQ(host_.import_row("user_credentials", credentials_csv_row()), "");

  expect_calls(host_, {call("user_credentials", {{"insertOne",
                                                  {{"document",
                                                    {{"email", "johnsonjoshua@example.org"},
                                                     {"password", kLegacyDigest},
                                                     {"userid", kUserId},
                                                     {"account_locked", false}}}}}}),
                       call("user_email_claims",
                            {{"insertOne", {{"document", {{"_id", "johnsonjoshua@example.org"}, {"userid", kUserId}}}}}})});
}

TEST_F(AccountImportersTest, ACredentialsRowIsKeyedByTheLowerCasedEmailAndARerunKeepsItsClaim) {
  ImportRow row = credentials_csv_row();
  row["email"] = "JohnsonJoshua@Example.org";
  host_.data().queue_response(inserted_row({"johnsonjoshua@example.org"}));
  host_.data().queue_response(document_already_exists());

  EXPECT_EQ(host_.import_row("user_credentials", row), "");

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].command["insertOne"]["document"]["email"], "johnsonjoshua@example.org");
  EXPECT_EQ(calls[1].command["insertOne"]["document"]["_id"], "johnsonjoshua@example.org");
}

TEST_F(AccountImportersTest, ALockedAccountStaysLocked) {
  ImportRow row = credentials_csv_row();
  row["account_locked"] = "true";
  host_.data().queue_response(inserted_row({"johnsonjoshua@example.org"}));
  host_.data().queue_response(inserted_row({"johnsonjoshua@example.org"}));

  ASSERT_EQ(host_.import_row("user_credentials", row), "");

  EXPECT_EQ(host_.data().calls()[0].command["insertOne"]["document"]["account_locked"], true);
}

TEST_F(AccountImportersTest, BadCredentialsRowsAreRefusedWithAClearMessage) {
  ImportRow bad_lock = credentials_csv_row();
  bad_lock["account_locked"] = "maybe";
  EXPECT_EQ(host_.import_row("user_credentials", bad_lock), "account_locked 'maybe' is not true or false");

  ImportRow no_password = credentials_csv_row();
  no_password["password"] = "";
  EXPECT_EQ(host_.import_row("user_credentials", no_password), "password is empty");

  EXPECT_TRUE(host_.data().calls().empty());
}

}  // namespace

// Register, login and profiles (#1–#5) in the real server on the embedded engine.

#include <regex>

#include <gtest/gtest.h>

#include "auth/JwtCodec.h"
#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

class UserEndpointsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(accounts_config()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  std::string instance(const std::string& path) const { return server_->base_url() + path; }

  json problem(int status, const char* title, const char* detail, const std::string& path) const {
    return {{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}, {"instance", instance(path)}};
  }

  HttpResponse put_me(const std::string& body, const std::string& token) {
    return client_.request("PUT", "/api/v1/users/me", body, {bearer(token)});
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* UserEndpointsTest::server_ = nullptr;

bool is_iso_utc(const json& value) {
  static const std::regex shape(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)");
  return value.is_string() && std::regex_match(value.get<std::string>(), shape);
}

bool is_lowercase_uuid(const json& value) {
  static const std::regex shape(R"([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})");
  return value.is_string() && std::regex_match(value.get<std::string>(), shape);
}

TEST_F(UserEndpointsTest, RegisterAnswers201WithTheNewUser) {
  const std::string email = unique_email("register");
  const auto response = register_user(client_, email);

  ASSERT_EQ(response.status, 201) << response.body;
  const json body = response.json();
  EXPECT_TRUE(is_lowercase_uuid(body["userId"])) << body;
  EXPECT_EQ(body, json({{"firstName", "Ada"}, {"lastName", "Lovelace"}, {"email", email}, {"userId", body["userId"]}}));
}

TEST_F(UserEndpointsTest, RegisteringAnEmailTwiceIs400) {
  const std::string email = unique_email("twice");
  ASSERT_EQ(register_user(client_, email).status, 201);

  const auto again = register_user(client_, email, "Other", "Person");

  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.json(), problem(400, "Bad Request", "Email already registered", "/api/v1/users/register"));
}

TEST_F(UserEndpointsTest, HugeNumbersAndNulBytesInBodiesAre422NotA500) {
  const std::string digits(400, '9');
  for (const std::string& body : std::vector<std::string>{R"({"email":1e999,"password":"x"})", R"({"email":")" + unique_email("n") + R"(","password":)" + digits + "}",
                                  std::string(R"({"firstName":"A","lastName":"B","email":")") + unique_email("nul") +
                                      R"(","password":"abc\u0000defgh"})"}) {
    for (const char* path : {"/api/v1/users/register", "/api/v1/users/login"}) {
      const auto response = client_.post(path, body);
      EXPECT_EQ(response.status, 422) << path << " " << body << "\n" << response.body;
      EXPECT_TRUE(response.json()["detail"].is_array()) << response.body;
    }
  }
}

TEST_F(UserEndpointsTest, RegisterValidatesTheBody) {
  const auto response = client_.post("/api/v1/users/register",
                                     R"({"firstName":"","lastName":"L","email":"nope","password":"short"})");

  EXPECT_EQ(response.status, 422);
  const json detail = response.json()["detail"];
  ASSERT_EQ(detail.size(), 3u) << detail;
  EXPECT_EQ(detail[0]["loc"], json({"body", "firstName"}));
  EXPECT_EQ(detail[0]["type"], "string_too_short");
  EXPECT_EQ(detail[1]["loc"], json({"body", "email"}));
  EXPECT_EQ(detail[1]["type"], "value_error");
  EXPECT_EQ(detail[2]["loc"], json({"body", "password"}));
  EXPECT_EQ(detail[2]["ctx"], json({{"min_length", 8}}));
}

TEST_F(UserEndpointsTest, LoginAnswersATokenAndTheUserWithRealRolesAndLastLogin) {
  const std::string email = unique_email("login");
  const std::string user_id = register_user(client_, email).json()["userId"];

  const auto response = log_in(client_, email);

  ASSERT_EQ(response.status, 200) << response.body;
  const json body = response.json();
  EXPECT_FALSE(body["token"].get<std::string>().empty());
  const json user = body["user"];
  EXPECT_TRUE(is_iso_utc(user["createdDate"])) << user;
  EXPECT_TRUE(is_iso_utc(user["lastLoginDate"])) << user;
  EXPECT_EQ(user, json({{"firstName", "Ada"},
                        {"lastName", "Lovelace"},
                        {"email", email},
                        {"userId", user_id},
                        {"createdDate", user["createdDate"]},
                        {"accountStatus", "active"},
                        {"lastLoginDate", user["lastLoginDate"]},
                        {"roles", {"creator", "viewer"}}}));
}

TEST_F(UserEndpointsTest, TheLoginTokenCarriesTheStoredRoles) {
  const json login = signed_up(client_, unique_email("claims"));
  const host::JwtCodec codec(kTestJwtSecret, host::system_seconds_clock());

  const auto verified = codec.verify(login["token"].get<std::string>());

  const auto* claims = std::get_if<host::TokenClaims>(&verified);
  ASSERT_NE(claims, nullptr);
  EXPECT_EQ(claims->subject, login["user"]["userId"]);
  EXPECT_EQ(claims->roles, (std::vector<std::string>{"creator", "viewer"}));
}

TEST_F(UserEndpointsTest, LoginWithAWrongPasswordOrUnknownEmailIs401) {
  const std::string email = unique_email("wrong");
  ASSERT_EQ(register_user(client_, email).status, 201);
  const json expected = problem(401, "Unauthorized", "Incorrect email or password", "/api/v1/users/login");

  const auto wrong_password = log_in(client_, email, "not-the-password");
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(wrong_password.json(), expected);

  const auto unknown = log_in(client_, unique_email("nobody"));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.json(), expected);
}

TEST_F(UserEndpointsTest, LoginValidatesTheBody) {
  const auto response = client_.post("/api/v1/users/login", R"({"email":"a@example.com"})");

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.json(), json({{"detail",
                                    {{{"type", "missing"},
                                      {"loc", {"body", "password"}},
                                      {"msg", "Field required"},
                                      {"input", nullptr}}}}}));
}

TEST_F(UserEndpointsTest, MeIsTheLoggedInUser) {
  const json login = signed_up(client_, unique_email("me"));

  const auto response = client_.get("/api/v1/users/me", {bearer(login["token"])});

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json(), login["user"]);
}

TEST_F(UserEndpointsTest, UpdateMeChangesOnlyTheSuppliedNameAndPersists) {
  const json login = signed_up(client_, unique_email("update"));
  const std::string token = login["token"];

  const auto response = put_me(R"({"firstName":"Augusta","lastName":null})", token);

  ASSERT_EQ(response.status, 200) << response.body;
  json expected = login["user"];
  expected["firstName"] = "Augusta";
  EXPECT_EQ(response.json(), expected);
  EXPECT_EQ(client_.get("/api/v1/users/me", {bearer(token)}).json(), expected);
}

TEST_F(UserEndpointsTest, UpdateMeWithAnEmptyBodyChangesNothing) {
  const json login = signed_up(client_, unique_email("empty"));

  const auto response = put_me("{}", login["token"]);

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), login["user"]);
}

TEST_F(UserEndpointsTest, UpdateMeRefusesANameOfFiftyOneCharacters) {
  const json login = signed_up(client_, unique_email("long"));

  const auto response = put_me(json({{"lastName", std::string(51, 'x')}}).dump(), login["token"]);

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.json()["detail"][0]["type"], "string_too_long");
  EXPECT_EQ(response.json()["detail"][0]["loc"], json({"body", "lastName"}));
}

TEST_F(UserEndpointsTest, UserByIdIsPublic) {
  const json login = signed_up(client_, unique_email("public"));
  const std::string user_id = login["user"]["userId"];

  const auto response = client_.get("/api/v1/users/" + user_id, {"Authorization: Bearer expired.or.garbage"});

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json(), login["user"]);
}

TEST_F(UserEndpointsTest, UserByIdOfAnUnknownUserIs404) {
  const std::string path = "/api/v1/users/0f8fad5b-d9cb-469f-a165-70867728950e";

  const auto response = client_.get(path);

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json(), problem(404, "Not Found", "User not found", path));
}

TEST_F(UserEndpointsTest, UserByIdThatIsNotALowercaseUuidIsTheFramework404) {
  for (const char* id : {"not-a-uuid", "0F8FAD5B-D9CB-469F-A165-70867728950E"}) {
    const auto response = client_.get(std::string("/api/v1/users/") + id);
    EXPECT_EQ(response.status, 404) << id;
    EXPECT_EQ(response.json(), json({{"detail", "Not Found"}})) << id;
  }
}

TEST_F(UserEndpointsTest, ATokenForAUserThatDoesNotExistIs404) {
  const host::JwtCodec codec(kTestJwtSecret, host::system_seconds_clock());
  const std::string token = codec.issue("0f8fad5b-d9cb-469f-a165-70867728950e", {"viewer"}, std::chrono::minutes(5));

  const auto response = client_.get("/api/v1/users/me", {bearer(token)});

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json()["detail"], "User not found");
}

}  // namespace
}  // namespace killrvideo::testing

#include "auth/AuthServiceImpl.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/auth/HandBuiltTokens.h"

namespace killrvideo::host {
namespace {

constexpr char kUserId[] = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

std::int64_t system_now() { return system_seconds_clock()(); }

AuthConfig fast_config() {
  AuthConfig config;
  config.bcrypt_cost = 4;
  return config;
}

class AuthServiceImplTest : public ::testing::Test {
 protected:
  JwtCodec codec{"service-secret", system_seconds_clock()};
  AuthServiceImpl service{codec, fast_config()};
};

TEST_F(AuthServiceImplTest, DefaultTokenExpiresThirtyMinutesFromNow) {
  AuthServiceImpl defaults{codec, AuthConfig{}};
  const std::int64_t expected = system_now() + 30 * 60;
  const auto exp = testing::payload_of(defaults.issue_token(kUserId, {"viewer"}))["exp"].get<std::int64_t>();
  EXPECT_NEAR(static_cast<double>(exp), static_cast<double>(expected), 5.0);
}

TEST_F(AuthServiceImplTest, CustomTtlIsHonoured) {
  AuthConfig config = fast_config();
  config.token_ttl_minutes = 5;
  AuthServiceImpl short_lived{codec, config};
  const auto exp = testing::payload_of(short_lived.issue_token(kUserId, {"viewer"}))["exp"].get<std::int64_t>();
  EXPECT_NEAR(static_cast<double>(exp), static_cast<double>(system_now() + 5 * 60), 5.0);
}

TEST_F(AuthServiceImplTest, TokenSubjectIsTheUserIdString) {
  const auto claims = std::get<TokenClaims>(codec.verify(service.issue_token(kUserId, {"viewer"})));
  EXPECT_EQ(claims.subject, kUserId);
  EXPECT_EQ(testing::payload_of(service.issue_token(kUserId, {"viewer"}))["sub"], kUserId);
}

TEST_F(AuthServiceImplTest, RolesRoundTrip) {
  const std::vector<std::string> roles{"viewer", "creator", "moderator"};
  EXPECT_EQ(std::get<TokenClaims>(codec.verify(service.issue_token(kUserId, roles))).roles, roles);
}

TEST_F(AuthServiceImplTest, IssueReturnsEmptyInsteadOfThrowing) {
  // Invalid UTF-8 cannot be serialized to JSON.
  EXPECT_EQ(service.issue_token(kUserId, {"\xff"}), "");
}

TEST_F(AuthServiceImplTest, HashesAtTheConfiguredCostAndVerifies) {
  AuthServiceImpl production{codec, AuthConfig{}};
  const std::string hashed = production.hash_password("correct horse");
  EXPECT_NE(hashed, "correct horse");
  EXPECT_EQ(hashed.rfind("$2b$12$", 0), 0u) << hashed;
  EXPECT_TRUE(production.verify_password("correct horse", hashed));
  EXPECT_FALSE(production.verify_password("wrong horse", hashed));
}

TEST_F(AuthServiceImplTest, HashReturnsEmptyInsteadOfThrowing) {
  EXPECT_EQ(service.hash_password(std::string("nul\0inside", 10)), "");
}

TEST_F(AuthServiceImplTest, VerifyOfAMalformedHashIsFalse) {
  EXPECT_FALSE(service.verify_password("anything", "$2b$04$garbage"));
}

TEST(AuthServiceImplConstructionTest, RefusesABcryptCostOutsideItsRange) {
  const JwtCodec codec{"service-secret", system_seconds_clock()};
  AuthConfig config;
  config.bcrypt_cost = 2;
  EXPECT_THROW((AuthServiceImpl{codec, config}), std::invalid_argument);
}

// SHA-256("password123"), as the sample data set stores its (unknown) passwords.
constexpr char kLegacyDigest[] = "ef92b778bafe771e89245b89ecbc08a44a4e166c06659911881f383d4473e94f";

TEST_F(AuthServiceImplTest, LegacySha256DigestsVerifyAndAskForARehash) {
  EXPECT_TRUE(service.verify_password("password123", kLegacyDigest));
  EXPECT_FALSE(service.verify_password("password124", kLegacyDigest));
  std::string upper = kLegacyDigest;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(service.verify_password("password123", upper));
  EXPECT_TRUE(service.needs_rehash(kLegacyDigest));
  EXPECT_FALSE(service.verify_password("password123", std::string(kLegacyDigest).substr(1)));
}

TEST_F(AuthServiceImplTest, BcryptAtTheConfiguredCostNeedsNoRehashButACheaperOneDoes) {
  EXPECT_FALSE(service.needs_rehash(service.hash_password("secret-pass")));
  AuthConfig stronger = fast_config();
  stronger.bcrypt_cost = 5;
  const AuthServiceImpl stricter{codec, stronger};
  EXPECT_TRUE(stricter.needs_rehash(service.hash_password("secret-pass")));
}

TEST_F(AuthServiceImplTest, DefaultRolesAndModeratorsComeFromConfig) {
  AuthConfig config = fast_config();
  config.default_roles = {"viewer"};
  config.moderators = {"Admin@Example.com"};
  const AuthServiceImpl configured{codec, config};
  EXPECT_EQ(configured.default_roles(), std::vector<std::string>{"viewer"});
  EXPECT_TRUE(configured.is_configured_moderator("admin@example.com"));
  EXPECT_TRUE(configured.is_configured_moderator("ADMIN@example.COM"));
  EXPECT_FALSE(configured.is_configured_moderator("someone@example.com"));
}

}  // namespace
}  // namespace killrvideo::host

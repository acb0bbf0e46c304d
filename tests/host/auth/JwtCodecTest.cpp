#include "auth/JwtCodec.h"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/auth/HandBuiltTokens.h"

namespace killrvideo::host {
namespace {

using nlohmann::json;
using testing::assemble_token;
using testing::kHs256Header;
using testing::signed_token;

constexpr char kSecret[] = "unit-test-secret";
constexpr char kUserId[] = "0b3c8f4e-5a61-4d2b-9c7e-1f2a3b4c5d6e";
constexpr std::int64_t kNow = 1'700'000'000;

class JwtCodecTest : public ::testing::Test {
 protected:
  std::int64_t now = kNow;
  JwtCodec codec{kSecret, [this] { return now; }};

  json claims_payload(std::int64_t exp = kNow + 60) const {
    return {{"sub", kUserId}, {"roles", {"viewer"}}, {"exp", exp}};
  }
};

// By value: callers pass the temporary that verify() returns.
TokenFailure failure_of(TokenVerification verification) { return std::get<TokenFailure>(std::move(verification)); }

::testing::AssertionResult fails_validation(const TokenVerification& verification, TokenFailureKind kind) {
  const auto* failure = std::get_if<TokenFailure>(&verification);
  if (!failure) return ::testing::AssertionFailure() << "the token verified";
  if (failure->kind != kind) return ::testing::AssertionFailure() << "wrong kind; detail: " << failure->detail;
  if (failure->detail.rfind("Could not validate credentials: ", 0) != 0) {
    return ::testing::AssertionFailure() << "detail: " << failure->detail;
  }
  return ::testing::AssertionSuccess();
}

TEST_F(JwtCodecTest, SignedClaimsVerifyBack) {
  const auto verification = codec.verify(codec.sign(TokenClaims{kUserId, {"viewer", "creator"}, kNow + 60}));
  const auto& claims = std::get<TokenClaims>(verification);
  EXPECT_EQ(claims.subject, kUserId);
  EXPECT_EQ(claims.roles, (std::vector<std::string>{"viewer", "creator"}));
  EXPECT_EQ(claims.expires_at, kNow + 60);
}

TEST_F(JwtCodecTest, TokenCarriesOnlySubRolesAndExpUnderAnHs256Header) {
  const std::string token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  EXPECT_EQ(testing::header_of(token), kHs256Header);
  EXPECT_EQ(testing::payload_of(token), claims_payload());
}

TEST_F(JwtCodecTest, IssueExpiresTtlFromNow) {
  const std::string token = codec.issue(kUserId, {"viewer"}, std::chrono::minutes(5));
  EXPECT_EQ(testing::payload_of(token)["exp"], kNow + 300);
}

TEST_F(JwtCodecTest, AgreesWithAnIndependentlyBuiltHs256Token) {
  const auto verification = codec.verify(signed_token(kHs256Header, claims_payload(), kSecret));
  EXPECT_EQ(std::get<TokenClaims>(verification).subject, kUserId);
}

TEST(JwtCodecInteropTest, AcceptsTheSignatureOfThePublishedJwtIoSample) {
  // jwt.io's HS256 sample (secret "your-256-bit-secret"). It has no `exp`, so it fails, but only after the
  // signature check has passed; with one signature character changed it fails on the signature instead.
  const std::string sample =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
      "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  const JwtCodec codec{"your-256-bit-secret", [] { return kNow; }};
  EXPECT_EQ(failure_of(codec.verify(sample)).detail, R"(Could not validate credentials: Token is missing the "exp" claim)");
  std::string altered = sample;
  altered[altered.size() - 5] = 'X';
  EXPECT_EQ(failure_of(codec.verify(altered)).kind, TokenFailureKind::BadSignature);
}

TEST_F(JwtCodecTest, ExpiredTokenFailsWithTokenHasExpired) {
  const std::string token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  now = kNow + 60;
  EXPECT_EQ(failure_of(codec.verify(token)).kind, TokenFailureKind::Expired);
  EXPECT_EQ(failure_of(codec.verify(token)).detail, "Token has expired");
}

TEST_F(JwtCodecTest, TokenIsValidUpToTheSecondBeforeExpiry) {
  const std::string token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  now = kNow + 59;
  EXPECT_TRUE(std::holds_alternative<TokenClaims>(codec.verify(token)));
}

TEST_F(JwtCodecTest, WrongSecretFailsSignature) {
  const JwtCodec other{"another-secret", [] { return kNow; }};
  EXPECT_TRUE(fails_validation(codec.verify(other.sign(TokenClaims{kUserId, {}, kNow + 60})),
                               TokenFailureKind::BadSignature));
}

TEST_F(JwtCodecTest, TamperedPayloadFailsSignature) {
  const std::string genuine = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  json promoted = claims_payload();
  promoted["roles"] = {"moderator"};
  const std::string forged = assemble_token(kHs256Header, promoted, "") + genuine.substr(genuine.rfind('.') + 1);
  EXPECT_TRUE(fails_validation(codec.verify(forged), TokenFailureKind::BadSignature));
}

TEST_F(JwtCodecTest, TruncatedSignatureFails) {
  const std::string token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  EXPECT_TRUE(fails_validation(codec.verify(token.substr(0, token.size() - 4)), TokenFailureKind::BadSignature));
}

TEST_F(JwtCodecTest, GarbageIsMalformed) {
  for (const char* garbage : {"", "not-a-token", "a.b", "a.b.c", "a.b.c.d", ".."}) {
    EXPECT_TRUE(fails_validation(codec.verify(garbage), TokenFailureKind::Malformed)) << garbage;
  }
}

TEST_F(JwtCodecTest, AlgNoneWithAnEmptySignatureIsRefused) {
  const std::string token = assemble_token({{"alg", "none"}, {"typ", "JWT"}}, claims_payload(), "");
  ASSERT_EQ(token.back(), '.');
  EXPECT_TRUE(fails_validation(codec.verify(token), TokenFailureKind::UnsupportedAlgorithm));
}

TEST_F(JwtCodecTest, AlgNoneIsRefusedEvenWithAValidHs256Signature) {
  const json none_header = {{"alg", "none"}};
  EXPECT_TRUE(fails_validation(codec.verify(signed_token(none_header, claims_payload(), kSecret)),
                               TokenFailureKind::UnsupportedAlgorithm));
}

TEST_F(JwtCodecTest, Hs512SignedWithTheRightSecretIsRefused) {
  const std::string token = signed_token({{"alg", "HS512"}, {"typ", "JWT"}}, claims_payload(), kSecret, EVP_sha512());
  EXPECT_TRUE(fails_validation(codec.verify(token), TokenFailureKind::UnsupportedAlgorithm));
}

TEST_F(JwtCodecTest, HeaderWithoutAlgIsRefused) {
  EXPECT_TRUE(fails_validation(codec.verify(signed_token({{"typ", "JWT"}}, claims_payload(), kSecret)),
                               TokenFailureKind::UnsupportedAlgorithm));
}

TEST_F(JwtCodecTest, MissingSubFailsWithSubjectMissing) {
  json without_sub = claims_payload();
  without_sub.erase("sub");
  json null_sub = claims_payload();
  null_sub["sub"] = nullptr;
  for (const json& payload : {without_sub, null_sub}) {
    const TokenFailure failure = failure_of(codec.verify(signed_token(kHs256Header, payload, kSecret)));
    EXPECT_EQ(failure.kind, TokenFailureKind::SubjectMissing);
    EXPECT_EQ(failure.detail, "Invalid token: Subject missing");
  }
}

TEST_F(JwtCodecTest, NonUuidSubFailsWithSubjectNotUuid) {
  for (const char* sub : {"not-a-uuid", "", "0b3c8f4e5a614d2b9c7e1f2a3b4c5d6e", "0b3c8f4e-5a61-4d2b-9c7e-1f2a3b4c5d6g"}) {
    json payload = claims_payload();
    payload["sub"] = sub;
    const TokenFailure failure = failure_of(codec.verify(signed_token(kHs256Header, payload, kSecret)));
    EXPECT_EQ(failure.kind, TokenFailureKind::SubjectNotUuid) << sub;
    EXPECT_EQ(failure.detail, "Invalid token: Subject is not a valid UUID");
  }
}

TEST_F(JwtCodecTest, UppercaseUuidSubIsAcceptedAndLowercased) {
  json payload = claims_payload();
  payload["sub"] = "0B3C8F4E-5A61-4D2B-9C7E-1F2A3B4C5D6E";
  EXPECT_EQ(std::get<TokenClaims>(codec.verify(signed_token(kHs256Header, payload, kSecret))).subject, kUserId);
}

TEST_F(JwtCodecTest, ExpiryIsCheckedBeforeTheSubject) {
  json payload = claims_payload(kNow - 1);
  payload.erase("sub");
  EXPECT_EQ(failure_of(codec.verify(signed_token(kHs256Header, payload, kSecret))).detail, "Token has expired");
}

TEST_F(JwtCodecTest, ClaimsOfTheWrongTypeAreMalformed) {
  const json wrong_claims[] = {
      {{"sub", kUserId}, {"roles", {"viewer"}}},                         // no exp
      {{"sub", kUserId}, {"roles", {"viewer"}}, {"exp", "tomorrow"}},   // exp not a number
      {{"sub", kUserId}, {"roles", {"viewer"}}, {"exp", 1.7e9 + 60.5}},  // exp not an integer
      {{"sub", kUserId}, {"roles", "viewer"}, {"exp", kNow + 60}},      // roles not a list
      {{"sub", kUserId}, {"roles", {"viewer", 3}}, {"exp", kNow + 60}},  // roles not all strings
      {{"sub", 42}, {"roles", {"viewer"}}, {"exp", kNow + 60}},          // sub not a string
  };
  for (const auto& payload : wrong_claims) {
    EXPECT_TRUE(fails_validation(codec.verify(signed_token(kHs256Header, payload, kSecret)),
                                 TokenFailureKind::Malformed))
        << payload.dump();
  }
}

TEST_F(JwtCodecTest, PayloadThatIsNotAJsonObjectIsMalformed) {
  EXPECT_TRUE(fails_validation(codec.verify(signed_token(kHs256Header, json::array({1, 2}), kSecret)),
                               TokenFailureKind::Malformed));
}

TEST_F(JwtCodecTest, MissingRolesClaimMeansNoRoles) {
  json payload = claims_payload();
  payload.erase("roles");
  EXPECT_TRUE(std::get<TokenClaims>(codec.verify(signed_token(kHs256Header, payload, kSecret))).roles.empty());
}

TEST(JwtCodecConstructionTest, EmptySecretIsRefused) {
  EXPECT_THROW(JwtCodec("", system_seconds_clock()), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::host

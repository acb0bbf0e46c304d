#include "auth/AccessGate.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/auth/HandBuiltTokens.h"

namespace killrvideo::host {
namespace {

using plugin::Access;
using plugin::AccountLookup;
using plugin::StoredAccount;
using Roles = std::vector<std::string>;

constexpr char kSecret[] = "gate-secret";
constexpr char kUserId[] = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
constexpr std::int64_t kNow = 1'700'000'000;
constexpr char kNotAuthenticated[] = "Not authenticated";
constexpr char kViewerGateRefusal[] = "User does not have any of the required roles: ['viewer', 'creator', 'moderator']";
constexpr char kCreatorGateRefusal[] = "User does not have any of the required roles: ['creator', 'moderator']";
constexpr char kModeratorGateRefusal[] = "User does not have any of the required roles: ['moderator']";
constexpr char kNoRoles[] = "User has no roles assigned";

AccountLookup stored_with(Roles roles) {
  return [roles](const std::string&) { return StoredAccount{true, roles, ""}; };
}

AccountLookup unknown_user() {
  return [](const std::string&) { return StoredAccount{false, {}, ""}; };
}

AccountLookup unreachable_store() {
  return [](const std::string&) { return StoredAccount{false, {}, "connection refused"}; };
}

// Refuses the test if the gate consults accounts when it should not.
AccountLookup must_not_be_called() {
  return [](const std::string&) -> StoredAccount {
    ADD_FAILURE() << "the account lookup was called";
    return {};
  };
}

::testing::AssertionResult refused(const AccessOutcome& outcome, int status, std::string_view detail) {
  const auto* refusal = std::get_if<AccessRefused>(&outcome);
  if (!refusal) return ::testing::AssertionFailure() << "access was granted";
  if (refusal->status != status || refusal->detail != detail) {
    return ::testing::AssertionFailure() << "refused " << refusal->status << " \"" << refusal->detail << "\"";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult refused_with_prefix(const AccessOutcome& outcome, int status, std::string_view prefix) {
  const auto* refusal = std::get_if<AccessRefused>(&outcome);
  if (!refusal) return ::testing::AssertionFailure() << "access was granted";
  if (refusal->status != status || refusal->detail.rfind(prefix, 0) != 0) {
    return ::testing::AssertionFailure() << "refused " << refusal->status << " \"" << refusal->detail << "\"";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult granted_to(const AccessOutcome& outcome, std::string_view user_id, const Roles& roles) {
  const auto* grant = std::get_if<AccessGranted>(&outcome);
  if (!grant) {
    const auto& refusal = std::get<AccessRefused>(outcome);
    return ::testing::AssertionFailure() << "refused " << refusal.status << " \"" << refusal.detail << "\"";
  }
  if (!grant->principal) return ::testing::AssertionFailure() << "granted anonymously";
  if (grant->principal->user_id != user_id || grant->principal->roles != roles) {
    return ::testing::AssertionFailure() << "granted to " << grant->principal->user_id << " with "
                                         << nlohmann::json(grant->principal->roles).dump();
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult granted_anonymously(const AccessOutcome& outcome) {
  const auto* grant = std::get_if<AccessGranted>(&outcome);
  if (!grant) return ::testing::AssertionFailure() << "refused " << std::get<AccessRefused>(outcome).detail;
  if (grant->principal) return ::testing::AssertionFailure() << "granted to " << grant->principal->user_id;
  return ::testing::AssertionSuccess();
}

class AccessGateTest : public ::testing::Test {
 protected:
  std::int64_t now = kNow;
  JwtCodec codec{kSecret, [this] { return now; }};
  AccessGate gate{codec};

  std::string bearer(const Roles& roles, std::int64_t expires_at = kNow + 1800) const {
    return "Bearer " + codec.sign(TokenClaims{kUserId, roles, expires_at});
  }
  std::string bearer_of_payload(const nlohmann::json& payload) const {
    return "Bearer " + testing::signed_token(testing::kHs256Header, payload, kSecret);
  }
  std::string expired_bearer() const { return bearer({"viewer"}, kNow - 1); }
};

constexpr Access kProtected[] = {Access::AnyAuth, Access::Viewer, Access::Creator, Access::Moderator};

// --- Public and Optional ---

TEST_F(AccessGateTest, PublicIgnoresAnExpiredToken) {
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Public, expired_bearer(), must_not_be_called())));
}

TEST_F(AccessGateTest, PublicNeverInspectsEvenAValidToken) {
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Public, bearer({"viewer"}), must_not_be_called())));
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Public, std::nullopt, {})));
}

TEST_F(AccessGateTest, OptionalWithAValidTokenIdentifiesTheCaller) {
  EXPECT_TRUE(granted_to(gate.check(Access::Optional, bearer({"active"}), stored_with({"creator"})), kUserId,
                         {"creator"}));
}

TEST_F(AccessGateTest, OptionalWithAGarbageTokenIsAnonymous) {
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, "Bearer garbage", stored_with({"viewer"}))));
}

TEST_F(AccessGateTest, OptionalTurnsEveryProblemIntoAnonymous) {
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, std::nullopt, stored_with({"viewer"}))));
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, "Basic dXNlcjpwYXNz", stored_with({"viewer"}))));
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, expired_bearer(), stored_with({"viewer"}))));
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, bearer({"viewer"}), unknown_user())));
  EXPECT_TRUE(granted_anonymously(gate.check(Access::Optional, bearer({"viewer"}), unreachable_store())));
}

TEST_F(AccessGateTest, OptionalKeepsACallerWithoutRoles) {
  EXPECT_TRUE(granted_to(gate.check(Access::Optional, bearer({}), {}), kUserId, {}));
}

// --- 401: no token or a bad one ---

TEST_F(AccessGateTest, NoTokenIsNotAuthenticatedOnEveryProtectedRoute) {
  for (const Access access : kProtected) {
    EXPECT_TRUE(refused(gate.check(access, std::nullopt, must_not_be_called()), 401, kNotAuthenticated));
  }
}

TEST_F(AccessGateTest, ANonBearerSchemeOrAnEmptyTokenCountsAsNoToken) {
  const std::string bare_token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  for (const std::string& header :
       std::vector<std::string>{"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer   ", "Token abc", "", bare_token}) {
    EXPECT_TRUE(refused(gate.check(Access::Viewer, header, {}), 401, kNotAuthenticated)) << header;
  }
}

TEST_F(AccessGateTest, TheBearerSchemeIsCaseInsensitive) {
  const std::string token = codec.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  for (const std::string scheme : {"bearer", "BEARER", "bEaReR"}) {
    EXPECT_TRUE(granted_to(gate.check(Access::Viewer, scheme + " " + token, {}), kUserId, {"viewer"})) << scheme;
  }
}

TEST_F(AccessGateTest, ExpiredTokenIsRefusedWithTokenHasExpired) {
  EXPECT_TRUE(refused(gate.check(Access::Viewer, expired_bearer(), must_not_be_called()), 401, "Token has expired"));
}

TEST_F(AccessGateTest, ATokenSignedWithAnotherSecretCouldNotBeValidated) {
  const JwtCodec other{"someone-elses-secret", [] { return kNow; }};
  const std::string header = "Bearer " + other.sign(TokenClaims{kUserId, {"viewer"}, kNow + 60});
  EXPECT_TRUE(refused_with_prefix(gate.check(Access::Viewer, header, {}), 401, "Could not validate credentials"));
}

TEST_F(AccessGateTest, GarbageCouldNotBeValidated) {
  EXPECT_TRUE(refused_with_prefix(gate.check(Access::AnyAuth, "Bearer not.a.jwt", {}), 401,
                                  "Could not validate credentials"));
}

TEST_F(AccessGateTest, AnAlgNoneTokenIsRefused) {
  const nlohmann::json payload = {{"sub", kUserId}, {"roles", {"moderator"}}, {"exp", kNow + 60}};
  const std::string header = "Bearer " + testing::assemble_token({{"alg", "none"}, {"typ", "JWT"}}, payload, "");
  EXPECT_TRUE(refused_with_prefix(gate.check(Access::Moderator, header, {}), 401, "Could not validate credentials"));
}

TEST_F(AccessGateTest, AnHs512TokenIsRefused) {
  const nlohmann::json payload = {{"sub", kUserId}, {"roles", {"viewer"}}, {"exp", kNow + 60}};
  const std::string header =
      "Bearer " + testing::signed_token({{"alg", "HS512"}, {"typ", "JWT"}}, payload, kSecret, EVP_sha512());
  EXPECT_TRUE(refused_with_prefix(gate.check(Access::Viewer, header, {}), 401, "Could not validate credentials"));
}

TEST_F(AccessGateTest, ATokenWithoutSubIsRefused) {
  const std::string header = bearer_of_payload({{"roles", {"viewer"}}, {"exp", kNow + 60}});
  EXPECT_TRUE(refused(gate.check(Access::Viewer, header, {}), 401, "Invalid token: Subject missing"));
}

TEST_F(AccessGateTest, ATokenWhoseSubIsNotAUuidIsRefused) {
  const std::string header = bearer_of_payload({{"sub", "alice"}, {"roles", {"viewer"}}, {"exp", kNow + 60}});
  EXPECT_TRUE(refused(gate.check(Access::Viewer, header, {}), 401, "Invalid token: Subject is not a valid UUID"));
}

// --- the account behind the token ---

TEST_F(AccessGateTest, AnUnknownUserIsNotFound) {
  EXPECT_TRUE(refused(gate.check(Access::Viewer, bearer({"viewer"}), unknown_user()), 404, "User not found"));
}

TEST_F(AccessGateTest, AnUnreachableStoreIs503WithTheCauseKeptForTheLog) {
  const auto outcome = gate.check(Access::AnyAuth, bearer({"viewer"}), unreachable_store());
  EXPECT_TRUE(refused(outcome, 503, "Unable to reach data store. Please try again later."));
  EXPECT_EQ(std::get<AccessRefused>(outcome).failure, "connection refused");
}

TEST_F(AccessGateTest, ALookupThatThrowsIs503) {
  const AccountLookup throwing = [](const std::string&) -> StoredAccount { throw std::runtime_error("boom"); };
  EXPECT_TRUE(refused(gate.check(Access::Viewer, bearer({"viewer"}), throwing), 503,
                      "Unable to reach data store. Please try again later."));
}

TEST_F(AccessGateTest, TheLookupIsAskedAboutTheTokenSubject) {
  std::string asked;
  const AccountLookup recording = [&asked](const std::string& user_id) {
    asked = user_id;
    return StoredAccount{true, {"viewer"}, ""};
  };
  gate.check(Access::Viewer, bearer({"viewer"}), recording);
  EXPECT_EQ(asked, kUserId);
}

TEST_F(AccessGateTest, StoredRolesWinOverTheTokenRoles) {
  EXPECT_TRUE(granted_to(gate.check(Access::Moderator, bearer({"active"}), stored_with({"moderator"})), kUserId,
                         {"moderator"}));
  EXPECT_TRUE(refused(gate.check(Access::Moderator, bearer({"moderator"}), stored_with({"viewer"})), 403,
                      kModeratorGateRefusal));
}

TEST_F(AccessGateTest, AnAccountStoredWithoutRolesFallsBackToTheTokenRoles) {
  EXPECT_TRUE(granted_to(gate.check(Access::Creator, bearer({"creator"}), stored_with({})), kUserId, {"creator"}));
}

TEST_F(AccessGateTest, WithoutALookupTheTokenRolesAreTaken) {
  EXPECT_TRUE(granted_to(gate.check(Access::Creator, bearer({"creator"}), {}), kUserId, {"creator"}));
}

// --- 403: roles ---

TEST_F(AccessGateTest, EmptyEffectiveRolesAreRefusedEvenForAnyAuth) {
  for (const Access access : kProtected) {
    EXPECT_TRUE(refused(gate.check(access, bearer({}), {}), 403, kNoRoles));
    EXPECT_TRUE(refused(gate.check(access, bearer({}), stored_with({})), 403, kNoRoles));
  }
}

TEST_F(AccessGateTest, AnyAuthAcceptsAnyRole) {
  EXPECT_TRUE(granted_to(gate.check(Access::AnyAuth, bearer({"astronaut"}), {}), kUserId, {"astronaut"}));
}

TEST_F(AccessGateTest, ViewerAndCreatorAndModeratorPassTheViewerGate) {
  for (const std::string role : {"viewer", "creator", "moderator"}) {
    EXPECT_TRUE(granted_to(gate.check(Access::Viewer, bearer({"active"}), stored_with({role})), kUserId, {role}));
  }
}

TEST_F(AccessGateTest, ActivePassesTheViewerGateAndStaysActiveInThePrincipal) {
  EXPECT_TRUE(granted_to(gate.check(Access::Viewer, bearer({"active"}), {}), kUserId, {"active"}));
}

TEST_F(AccessGateTest, ActiveDoesNotPassTheCreatorGate) {
  EXPECT_TRUE(refused(gate.check(Access::Creator, bearer({"active"}), {}), 403, kCreatorGateRefusal));
}

TEST_F(AccessGateTest, AnUnrelatedRoleIsRefusedNamingTheViewerGateList) {
  EXPECT_TRUE(refused(gate.check(Access::Viewer, bearer({"astronaut"}), {}), 403, kViewerGateRefusal));
}

TEST_F(AccessGateTest, TheCreatorGateTakesCreatorOrModerator) {
  EXPECT_TRUE(granted_to(gate.check(Access::Creator, bearer({"creator"}), {}), kUserId, {"creator"}));
  EXPECT_TRUE(granted_to(gate.check(Access::Creator, bearer({"moderator"}), {}), kUserId, {"moderator"}));
  EXPECT_TRUE(refused(gate.check(Access::Creator, bearer({"viewer"}), {}), 403, kCreatorGateRefusal));
}

TEST_F(AccessGateTest, TheModeratorGateTakesOnlyModerator) {
  EXPECT_TRUE(granted_to(gate.check(Access::Moderator, bearer({"viewer", "moderator"}), {}), kUserId,
                         {"viewer", "moderator"}));
  EXPECT_TRUE(refused(gate.check(Access::Moderator, bearer({"viewer", "creator", "active"}), {}), 403,
                      kModeratorGateRefusal));
}

}  // namespace
}  // namespace killrvideo::host

#pragma once
// HS256 access tokens (api-contract §1.5): the claims are `sub`, `roles` and `exp`, nothing else.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace killrvideo::host {

// Unix seconds now; injected so that expiry can be tested.
using SecondsClock = std::function<std::int64_t()>;
SecondsClock system_seconds_clock();

struct TokenClaims {
  // A UUID; verify() accepts any hex case (as the reference's Python UUID() does) and returns it lowercase,
  // the form user ids are stored in.
  std::string subject;
  std::vector<std::string> roles;
  std::int64_t expires_at = 0;  // Unix seconds
};

enum class TokenFailureKind {
  Malformed,             // not three segments, bad base64url or JSON, claims of the wrong type
  UnsupportedAlgorithm,  // any `alg` but HS256, `none` included
  BadSignature,
  Expired,
  SubjectMissing,
  SubjectNotUuid,
};

struct TokenFailure {
  TokenFailureKind kind;
  std::string detail;  // the client-facing 401 detail, exactly as api-contract §1.5 words it
};

using TokenVerification = std::variant<TokenClaims, TokenFailure>;

class JwtCodec {
 public:
  // Throws std::invalid_argument for an empty secret: a token signed with it would be forgeable.
  JwtCodec(std::string secret, SecondsClock now_seconds);

  std::string sign(const TokenClaims& claims) const;
  // Signs claims that expire `ttl` from now.
  std::string issue(const std::string& subject, const std::vector<std::string>& roles,
                    std::chrono::seconds ttl) const;
  // Never throws for any input; the payload is parsed only once the signature holds.
  TokenVerification verify(std::string_view token) const noexcept;

 private:
  std::string signature_of(std::string_view signing_input) const;
  TokenVerification verify_segments(std::string_view token) const;

  std::string secret_;
  SecondsClock now_seconds_;
};

}  // namespace killrvideo::host

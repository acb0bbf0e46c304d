#include "auth/JwtCodec.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/Base64Url.h"
#include "killrvideo/plugin/Validation.h"

namespace killrvideo::host {

namespace {

using nlohmann::json;

constexpr std::string_view kAlgorithm = "HS256";
constexpr std::size_t kSignatureBytes = 32;

const std::string& encoded_header() {
  static const std::string header =
      Base64Url::encode(json{{"alg", std::string(kAlgorithm)}, {"typ", "JWT"}}.dump());
  return header;
}

TokenFailure could_not_validate(TokenFailureKind kind, std::string_view reason) {
  return {kind, "Could not validate credentials: " + std::string(reason)};
}

struct Segments {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", exactly as received
};

std::optional<Segments> split(std::string_view token) {
  const auto first_dot = token.find('.');
  if (first_dot == std::string_view::npos) return std::nullopt;
  const auto second_dot = token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos || token.find('.', second_dot + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  return Segments{token.substr(0, first_dot), token.substr(first_dot + 1, second_dot - first_dot - 1),
                  token.substr(second_dot + 1), token.substr(0, second_dot)};
}

std::optional<json> decode_json_object(std::string_view segment) {
  const auto bytes = Base64Url::decode(segment);
  if (!bytes) return std::nullopt;
  json parsed = json::parse(*bytes, nullptr, false);
  if (!parsed.is_object()) return std::nullopt;
  return parsed;
}

bool names_hs256(const json& header) {
  const auto alg = header.find("alg");
  return alg != header.end() && alg->is_string() && alg->get_ref<const std::string&>() == kAlgorithm;
}

bool is_string_array(const json& value) {
  return value.is_array() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

std::string to_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A claim that is absent or null counts as missing, as the reference's `payload.get(...) is None` does.
const json* claim(const json& payload, const char* name) {
  const auto found = payload.find(name);
  return found == payload.end() || found->is_null() ? nullptr : &*found;
}

std::optional<TokenFailure> claim_type_error(const json& payload) {
  const json* exp = claim(payload, "exp");
  if (!exp) return could_not_validate(TokenFailureKind::Malformed, R"(Token is missing the "exp" claim)");
  if (!exp->is_number_integer()) {
    return could_not_validate(TokenFailureKind::Malformed, "Expiration Time claim (exp) must be an integer");
  }
  const json* roles = claim(payload, "roles");
  if (roles && !is_string_array(*roles)) {
    return could_not_validate(TokenFailureKind::Malformed, "Roles claim must be a list of strings");
  }
  const json* sub = claim(payload, "sub");
  if (sub && !sub->is_string()) return could_not_validate(TokenFailureKind::Malformed, "Subject must be a string");
  return std::nullopt;
}

// Type errors first, then expiry, then the subject: the order in which the reference reports them.
TokenVerification read_claims(const json& payload, std::int64_t now) {
  if (auto type_error = claim_type_error(payload)) return *type_error;
  TokenClaims claims;
  claims.expires_at = payload["exp"].get<std::int64_t>();
  if (claims.expires_at <= now) return TokenFailure{TokenFailureKind::Expired, "Token has expired"};
  const json* sub = claim(payload, "sub");
  if (!sub) return TokenFailure{TokenFailureKind::SubjectMissing, "Invalid token: Subject missing"};
  claims.subject = to_lower(sub->get<std::string>());
  if (!plugin::is_canonical_uuid(claims.subject)) {
    return TokenFailure{TokenFailureKind::SubjectNotUuid, "Invalid token: Subject is not a valid UUID"};
  }
  if (const json* roles = claim(payload, "roles")) claims.roles = roles->get<std::vector<std::string>>();
  return claims;
}

}  // namespace

SecondsClock system_seconds_clock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

JwtCodec::JwtCodec(std::string secret, SecondsClock now_seconds)
    : secret_(std::move(secret)), now_seconds_(std::move(now_seconds)) {
  if (secret_.empty()) throw std::invalid_argument("the JWT secret must not be empty");
}

std::string JwtCodec::sign(const TokenClaims& claims) const {
  const json payload = {{"sub", claims.subject}, {"roles", claims.roles}, {"exp", claims.expires_at}};
  const std::string signing_input = encoded_header() + "." + Base64Url::encode(payload.dump());
  return signing_input + "." + Base64Url::encode(signature_of(signing_input));
}

std::string JwtCodec::issue(const std::string& subject, const std::vector<std::string>& roles,
                            std::chrono::seconds ttl) const {
  return sign(TokenClaims{subject, roles, now_seconds_() + ttl.count()});
}

TokenVerification JwtCodec::verify(std::string_view token) const noexcept {
  try {
    return verify_segments(token);
  } catch (...) {
    return could_not_validate(TokenFailureKind::Malformed, "Token could not be read");
  }
}

std::string JwtCodec::signature_of(std::string_view signing_input) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (!HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
            reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), digest,
            &digest_length)) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), digest_length);
}

TokenVerification JwtCodec::verify_segments(std::string_view token) const {
  const auto segments = split(token);
  if (!segments) return could_not_validate(TokenFailureKind::Malformed, "Token must have three segments");
  const auto header = decode_json_object(segments->header);
  if (!header) return could_not_validate(TokenFailureKind::Malformed, "Invalid header");
  // Checked before the signature, so that `none` (empty signature) or another algorithm never gets that far.
  if (!names_hs256(*header)) {
    return could_not_validate(TokenFailureKind::UnsupportedAlgorithm, "The specified alg value is not allowed");
  }
  const auto signature = Base64Url::decode(segments->signature);
  const std::string expected = signature_of(segments->signing_input);
  if (!signature || signature->size() != kSignatureBytes ||
      CRYPTO_memcmp(signature->data(), expected.data(), kSignatureBytes) != 0) {
    return could_not_validate(TokenFailureKind::BadSignature, "Signature verification failed");
  }
  const auto payload = decode_json_object(segments->payload);
  if (!payload) return could_not_validate(TokenFailureKind::Malformed, "Invalid payload");
  return read_claims(*payload, now_seconds_());
}

}  // namespace killrvideo::host

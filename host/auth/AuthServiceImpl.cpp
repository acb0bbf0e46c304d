#include "auth/AuthServiceImpl.h"

#include <algorithm>
#include <cctype>

#include "auth/LegacyPasswordDigest.h"

namespace killrvideo::host {

namespace {

std::string lowercase(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

// "$2b$12$…" → 12; 0 when the hash is not bcrypt.
int bcrypt_cost_of(std::string_view hash) {
  if (hash.size() < 7 || hash.substr(0, 4) != "$2b$" || !std::isdigit(static_cast<unsigned char>(hash[4])) ||
      !std::isdigit(static_cast<unsigned char>(hash[5])) || hash[6] != '$') {
    return 0;
  }
  return (hash[4] - '0') * 10 + (hash[5] - '0');
}

}  // namespace

AuthServiceImpl::AuthServiceImpl(const JwtCodec& codec, const AuthConfig& config)
    : codec_(codec),
      hasher_(config.bcrypt_cost),
      token_ttl_(config.token_ttl_minutes),
      bcrypt_cost_(config.bcrypt_cost),
      default_roles_(config.default_roles) {
  for (const auto& email : config.moderators) moderators_.push_back(lowercase(email));
}

// Nothing may throw across the plugin boundary: a failure comes back as an empty token or hash.
std::string AuthServiceImpl::issue_token(const std::string& user_id,
                                         const std::vector<std::string>& roles) noexcept {
  try {
    return codec_.issue(user_id, roles, token_ttl_);
  } catch (...) {
    return {};
  }
}

std::string AuthServiceImpl::hash_password(std::string_view password) noexcept {
  try {
    return hasher_.hash(password);
  } catch (...) {
    return {};
  }
}

bool AuthServiceImpl::verify_password(std::string_view password, std::string_view stored_hash) noexcept {
  if (is_legacy_password_digest(stored_hash)) return verify_legacy_password_digest(password, stored_hash);
  return hasher_.verify(password, stored_hash);
}

bool AuthServiceImpl::needs_rehash(std::string_view stored_hash) const noexcept {
  return bcrypt_cost_of(stored_hash) < bcrypt_cost_;
}

std::vector<std::string> AuthServiceImpl::default_roles() const noexcept {
  try {
    return default_roles_;
  } catch (...) {
    return {};
  }
}

bool AuthServiceImpl::is_configured_moderator(std::string_view email) const noexcept {
  try {
    const std::string wanted = lowercase(email);
    return std::find(moderators_.begin(), moderators_.end(), wanted) != moderators_.end();
  } catch (...) {
    return false;
  }
}

}  // namespace killrvideo::host

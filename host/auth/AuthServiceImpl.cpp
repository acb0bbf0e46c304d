#include "auth/AuthServiceImpl.h"

namespace killrvideo::host {

AuthServiceImpl::AuthServiceImpl(const JwtCodec& codec, const AuthConfig& config)
    : codec_(codec), hasher_(config.bcrypt_cost), token_ttl_(config.token_ttl_minutes) {}

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
  return hasher_.verify(password, stored_hash);
}

}  // namespace killrvideo::host

#pragma once
// The AuthService handed to plugins: tokens from the host's JwtCodec, passwords through a PasswordHasher,
// with the TTL and bcrypt cost from the `auth:` config.

#include <chrono>

#include "auth/JwtCodec.h"
#include "auth/PasswordHasher.h"
#include "config/Config.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

class AuthServiceImpl final : public plugin::AuthService {
 public:
  // `codec` is shared with the AccessGate and must outlive this service. Throws std::invalid_argument
  // for a bcrypt cost outside 4..31.
  AuthServiceImpl(const JwtCodec& codec, const AuthConfig& config);

  std::string issue_token(const std::string& user_id, const std::vector<std::string>& roles) noexcept override;
  std::string hash_password(std::string_view password) noexcept override;
  bool verify_password(std::string_view password, std::string_view stored_hash) noexcept override;
  bool needs_rehash(std::string_view stored_hash) const noexcept override;
  std::vector<std::string> default_roles() const noexcept override;
  bool is_configured_moderator(std::string_view email) const noexcept override;

 private:
  const JwtCodec& codec_;
  PasswordHasher hasher_;
  std::chrono::minutes token_ttl_;
  int bcrypt_cost_;
  std::vector<std::string> default_roles_;
  std::vector<std::string> moderators_;  // lower-cased
};

}  // namespace killrvideo::host

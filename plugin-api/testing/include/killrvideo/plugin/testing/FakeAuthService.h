#pragma once
// Deterministic stand-ins for tokens and password hashes: tests can predict every value, and a plugin
// still has to store the hash and compare through verify_password, as it would with bcrypt.

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

inline constexpr std::string_view kFakeTokenPrefix = "token-for:";
inline constexpr std::string_view kFakeHashPrefix = "fake-hash:";

struct IssuedToken {
  std::string user_id;
  std::vector<std::string> roles;
};

class FakeAuthService final : public AuthService {
 public:
  // "token-for:<user_id>"; the roles are recorded in issued_tokens().
  std::string issue_token(const std::string& user_id, const std::vector<std::string>& roles) noexcept override;
  // "fake-hash:<password>"
  std::string hash_password(std::string_view password) noexcept override;
  bool verify_password(std::string_view password, std::string_view stored_hash) noexcept override;
  // True for anything not made by hash_password ("legacy" hashes a test stores on purpose).
  bool needs_rehash(std::string_view stored_hash) const noexcept override;
  std::vector<std::string> default_roles() const noexcept override;
  bool is_configured_moderator(std::string_view email) const noexcept override;

  std::vector<IssuedToken> issued_tokens() const;
  // Defaults: roles {"viewer", "creator"}, no moderators (as the shipped config without its example admin).
  void set_default_roles(std::vector<std::string> roles);
  void set_moderators(std::vector<std::string> emails);

 private:
  mutable std::mutex mutex_;
  std::vector<IssuedToken> issued_;
  std::vector<std::string> default_roles_{"viewer", "creator"};
  std::vector<std::string> moderators_;
};

}  // namespace killrvideo::plugin::testing

#include "killrvideo/plugin/testing/FakeAuthService.h"

namespace killrvideo::plugin::testing {

std::string FakeAuthService::issue_token(const std::string& user_id,
                                         const std::vector<std::string>& roles) noexcept {
  std::lock_guard lock(mutex_);
  issued_.push_back({user_id, roles});
  return std::string(kFakeTokenPrefix) + user_id;
}

std::string FakeAuthService::hash_password(std::string_view password) noexcept {
  return std::string(kFakeHashPrefix) + std::string(password);
}

bool FakeAuthService::verify_password(std::string_view password, std::string_view stored_hash) noexcept {
  return stored_hash == hash_password(password);
}

std::vector<IssuedToken> FakeAuthService::issued_tokens() const {
  std::lock_guard lock(mutex_);
  return issued_;
}

bool FakeAuthService::needs_rehash(std::string_view stored_hash) const noexcept {
  return stored_hash.rfind("fake-hash:", 0) != 0;
}

std::vector<std::string> FakeAuthService::default_roles() const noexcept {
  std::lock_guard lock(mutex_);
  return default_roles_;
}

bool FakeAuthService::is_configured_moderator(std::string_view email) const noexcept {
  std::lock_guard lock(mutex_);
  for (const auto& moderator : moderators_) {
    if (moderator == email) return true;
  }
  return false;
}

void FakeAuthService::set_default_roles(std::vector<std::string> roles) {
  std::lock_guard lock(mutex_);
  default_roles_ = std::move(roles);
}

void FakeAuthService::set_moderators(std::vector<std::string> emails) {
  std::lock_guard lock(mutex_);
  moderators_ = std::move(emails);
}

}  // namespace killrvideo::plugin::testing

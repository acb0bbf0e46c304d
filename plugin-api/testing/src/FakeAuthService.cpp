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

}  // namespace killrvideo::plugin::testing

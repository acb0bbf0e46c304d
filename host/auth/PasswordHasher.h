#pragma once
// bcrypt password hashes (api-contract §1.5): `$2b$` at a configured cost, over the password's UTF-8 bytes
// cut to 72, which is all bcrypt reads.

#include <cstddef>
#include <string>
#include <string_view>

namespace killrvideo::host {

class PasswordHasher {
 public:
  static constexpr std::size_t kMaxPasswordBytes = 72;

  // Throws std::invalid_argument unless 4 <= cost <= 31 (bcrypt's range).
  explicit PasswordHasher(int cost);

  // A fresh random salt each call. Throws std::invalid_argument when the first 72 bytes hold a NUL (bcrypt
  // would silently stop there), std::runtime_error when libxcrypt fails.
  std::string hash(std::string_view password) const;
  // False, never a crash, for a malformed hash or one that is not bcrypt.
  bool verify(std::string_view password, std::string_view stored_hash) const noexcept;

 private:
  int cost_;
};

}  // namespace killrvideo::host

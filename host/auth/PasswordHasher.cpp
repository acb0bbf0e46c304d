#include "auth/PasswordHasher.h"

#include <crypt.h>

#include <memory>
#include <optional>
#include <stdexcept>

#include <openssl/crypto.h>

namespace killrvideo::host {

namespace {

constexpr char kBcryptPrefix[] = "$2b$";
constexpr int kMinCost = 4;
constexpr int kMaxCost = 31;

bool is_bcrypt(std::string_view stored_hash) {
  const auto prefix = stored_hash.substr(0, 4);
  return prefix == "$2a$" || prefix == "$2b$" || prefix == "$2y$";
}

// The cut password as a C string, wiped when it goes out of scope.
class PassphraseBuffer {
 public:
  explicit PassphraseBuffer(std::string_view password)
      : text_(password.substr(0, PasswordHasher::kMaxPasswordBytes)) {}
  ~PassphraseBuffer() { OPENSSL_cleanse(text_.data(), text_.size()); }
  PassphraseBuffer(const PassphraseBuffer&) = delete;
  PassphraseBuffer& operator=(const PassphraseBuffer&) = delete;

  bool has_nul() const { return text_.find('\0') != std::string::npos; }
  const char* c_str() const { return text_.c_str(); }

 private:
  std::string text_;
};

// crypt_rn keeps intermediate key material in its ~32 KiB work area: too big for a worker's stack,
// and worth wiping afterwards.
struct CryptDataWiper {
  void operator()(crypt_data* data) const {
    OPENSSL_cleanse(data, sizeof(crypt_data));
    delete data;
  }
};
using CryptWorkArea = std::unique_ptr<crypt_data, CryptDataWiper>;

// crypt_rn's result for the password under `setting` (whose salt and cost it reads), or nullopt.
std::optional<std::string> crypt_with(const PassphraseBuffer& passphrase, const std::string& setting) {
  CryptWorkArea work_area(new crypt_data{});
  const char* result = crypt_rn(passphrase.c_str(), setting.c_str(), work_area.get(), sizeof(crypt_data));
  if (!result) return std::nullopt;
  return std::string(result);
}

std::string random_setting(int cost) {
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  // Null random bytes: libxcrypt draws the salt from the operating system's generator.
  if (!crypt_gensalt_rn(kBcryptPrefix, static_cast<unsigned long>(cost), nullptr, 0, setting,
                        sizeof(setting))) {
    throw std::runtime_error("bcrypt salt generation failed");
  }
  return setting;
}

}  // namespace

PasswordHasher::PasswordHasher(int cost) : cost_(cost) {
  if (cost < kMinCost || cost > kMaxCost) throw std::invalid_argument("bcrypt cost must be between 4 and 31");
}

std::string PasswordHasher::hash(std::string_view password) const {
  const PassphraseBuffer passphrase(password);
  if (passphrase.has_nul()) throw std::invalid_argument("a password must not contain a NUL byte");
  auto hashed = crypt_with(passphrase, random_setting(cost_));
  if (!hashed) throw std::runtime_error("bcrypt hashing failed");
  return *hashed;
}

bool PasswordHasher::verify(std::string_view password, std::string_view stored_hash) const noexcept {
  try {
    const PassphraseBuffer passphrase(password);
    if (passphrase.has_nul() || !is_bcrypt(stored_hash)) return false;
    const auto rehashed = crypt_with(passphrase, std::string(stored_hash));
    return rehashed && rehashed->size() == stored_hash.size() &&
           CRYPTO_memcmp(rehashed->data(), stored_hash.data(), stored_hash.size()) == 0;
  } catch (...) {
    return false;
  }
}

}  // namespace killrvideo::host

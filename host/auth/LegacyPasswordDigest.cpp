#include "auth/LegacyPasswordDigest.h"

#include <cctype>
#include <string>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace killrvideo::host {

namespace {

constexpr std::size_t kDigestHexLength = 64;

std::string lowercase_hex(const unsigned char* bytes, unsigned int length) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(digits[bytes[i] >> 4]);
    hex.push_back(digits[bytes[i] & 15]);
  }
  return hex;
}

}  // namespace

bool is_legacy_password_digest(std::string_view stored) noexcept {
  if (stored.size() != kDigestHexLength) return false;
  for (const char c : stored) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool verify_legacy_password_digest(std::string_view password, std::string_view stored) noexcept {
  if (!is_legacy_password_digest(stored)) return false;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(password.data(), password.size(), digest, &length, EVP_sha256(), nullptr) != 1) return false;
  std::string expected(stored);
  for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string actual = lowercase_hex(digest, length);
  return CRYPTO_memcmp(actual.data(), expected.data(), kDigestHexLength) == 0;
}

}  // namespace killrvideo::host

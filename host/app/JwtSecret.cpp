#include "app/JwtSecret.h"

#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include "app/StartupError.h"

namespace killrvideo::host {

namespace {
constexpr std::size_t kRandomSecretBytes = 32;
}  // namespace

std::string random_jwt_secret() {
  unsigned char bytes[kRandomSecretBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw StartupError("cannot generate a random JWT secret");
  static const char* hex = "0123456789abcdef";
  std::string secret;
  for (const unsigned char b : bytes) {
    secret.push_back(hex[b >> 4]);
    secret.push_back(hex[b & 15]);
  }
  return secret;
}

std::string jwt_secret_for(const AuthConfig& auth, const std::string& config_path) {
  if (!auth.jwt_secret.empty()) return auth.jwt_secret;
  if (!auth.development) {
    throw StartupError(config_path + ": auth.jwt_secret is empty; set KILLRVIDEO_JWT_SECRET, or mark a "
                                     "development config with auth.development: true");
  }
  spdlog::warn("{} is a development config: tokens are signed with a random secret made now and will not "
               "survive a restart; set KILLRVIDEO_JWT_SECRET for anything else",
               config_path);
  return random_jwt_secret();
}

}  // namespace killrvideo::host

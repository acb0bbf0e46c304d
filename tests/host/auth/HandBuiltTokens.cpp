#include "tests/host/auth/HandBuiltTokens.h"

#include <stdexcept>

#include <openssl/hmac.h>

#include "auth/Base64Url.h"

namespace killrvideo::host::testing {

namespace {

std::string signing_input(const nlohmann::json& header, const nlohmann::json& payload) {
  return Base64Url::encode(header.dump()) + "." + Base64Url::encode(payload.dump());
}

std::string hmac(const EVP_MD* digest, std::string_view secret, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(digest, secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &length);
  return std::string(reinterpret_cast<const char*>(out), length);
}

nlohmann::json segment_json(std::string_view token, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) start = token.find('.', start) + 1;
  const auto decoded = Base64Url::decode(token.substr(start, token.find('.', start) - start));
  if (!decoded) throw std::invalid_argument("segment is not base64url");
  return nlohmann::json::parse(*decoded);
}

}  // namespace

std::string assemble_token(const nlohmann::json& header, const nlohmann::json& payload, std::string_view signature) {
  return signing_input(header, payload) + "." + Base64Url::encode(signature);
}

std::string signed_token(const nlohmann::json& header, const nlohmann::json& payload, std::string_view secret,
                         const EVP_MD* digest) {
  return assemble_token(header, payload, hmac(digest, secret, signing_input(header, payload)));
}

nlohmann::json header_of(std::string_view token) { return segment_json(token, 0); }

nlohmann::json payload_of(std::string_view token) { return segment_json(token, 1); }

}  // namespace killrvideo::host::testing

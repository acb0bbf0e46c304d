#pragma once
// Tokens assembled by hand, for the shapes JwtCodec never signs itself: other algorithms, odd claims.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace killrvideo::host::testing {

inline const nlohmann::json kHs256Header = {{"alg", "HS256"}, {"typ", "JWT"}};

// "<base64url header>.<base64url payload>.<base64url signature>"
std::string assemble_token(const nlohmann::json& header, const nlohmann::json& payload, std::string_view signature);
// HMAC over the first two segments with `digest` (SHA-256 for HS256, SHA-512 for HS512).
std::string signed_token(const nlohmann::json& header, const nlohmann::json& payload, std::string_view secret,
                         const EVP_MD* digest = EVP_sha256());
nlohmann::json header_of(std::string_view token);
nlohmann::json payload_of(std::string_view token);

}  // namespace killrvideo::host::testing

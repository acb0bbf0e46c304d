#pragma once
// The unsalted SHA-256 hex digests that the KillrVideo sample data set stores as passwords. Accepted at
// login only so that such users can sign in once; the accounts plugin then replaces them with bcrypt.

#include <string_view>

namespace killrvideo::host {

// 64 hexadecimal characters.
bool is_legacy_password_digest(std::string_view stored) noexcept;
// Compares SHA-256(password) with the stored digest in constant time; false for anything malformed.
bool verify_legacy_password_digest(std::string_view password, std::string_view stored) noexcept;

}  // namespace killrvideo::host

#pragma once
// The `detail` texts of the accounts plugin's error answers (api-contract §3, §4.1); clients show them.

namespace killrvideo::accounts {

inline constexpr const char* kEmailTakenDetail = "Email already registered";
inline constexpr const char* kBadCredentialsDetail = "Incorrect email or password";
inline constexpr const char* kTooManyLoginsDetail = "Too many failed login attempts. Please try again later.";
inline constexpr const char* kUserNotFoundDetail = "User not found";
inline constexpr const char* kUserVanishedDetail = "User not found for update, this should not happen if token is valid.";

}  // namespace killrvideo::accounts

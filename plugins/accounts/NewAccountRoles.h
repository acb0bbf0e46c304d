#pragma once
// The roles an account gets when it is created, by registration or by import (api-contract §1.5).

#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::accounts {

inline constexpr const char* kModeratorRole = "moderator";

// `auth.default_roles`, plus "moderator" when `email` is listed in `auth.moderators`: the way the first
// moderator exists before anyone can promote anyone.
std::vector<std::string> roles_for_new_account(const plugin::AuthService& auth, const std::string& email);

}  // namespace killrvideo::accounts

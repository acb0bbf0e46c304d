#include "NewAccountRoles.h"

#include <algorithm>

namespace killrvideo::accounts {

std::vector<std::string> roles_for_new_account(const plugin::AuthService& auth, const std::string& email) {
  std::vector<std::string> roles = auth.default_roles();
  const bool listed = std::find(roles.begin(), roles.end(), kModeratorRole) != roles.end();
  if (!listed && auth.is_configured_moderator(email)) roles.emplace_back(kModeratorRole);
  return roles;
}

}  // namespace killrvideo::accounts

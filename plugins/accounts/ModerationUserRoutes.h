#pragma once
// Moderators find users and grant or take away the moderator role (api-contract §4.6, #32–#34).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "UserStore.h"

namespace killrvideo::accounts {

inline constexpr std::size_t kMaxUsersListed = 20;

class ModerationUserRoutes {
 public:
  explicit ModerationUserRoutes(const UserStore& users);

  void register_with(plugin::Registrar& registrar);

  // GET /api/v1/moderation/users[?q=]
  plugin::Response search(const plugin::Request& request) const;
  // POST /api/v1/moderation/users/{userId:uuid}/assign-moderator
  plugin::Response assign_moderator(const plugin::Request& request) const;
  // POST /api/v1/moderation/users/{userId:uuid}/revoke-moderator
  plugin::Response revoke_moderator(const plugin::Request& request) const;

 private:
  enum class RoleChange { Grant, Revoke };
  plugin::Response change_moderator_role(const plugin::Request& request, RoleChange change) const;

  const UserStore& users_;
};

}  // namespace killrvideo::accounts

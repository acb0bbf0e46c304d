#include "ModerationUserRoutes.h"

#include <set>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/data/Update.h"

#include "NewAccountRoles.h"
#include "ProblemDetails.h"
#include "UserJson.h"

namespace killrvideo::accounts {

namespace {

using plugin::Access;
using plugin::Method;
using plugin::Request;
using plugin::Response;

// A set<text> column comes back sorted and without duplicates; the answer shows what was stored.
std::vector<std::string> as_stored_set(std::set<std::string> roles) { return {roles.begin(), roles.end()}; }

}  // namespace

ModerationUserRoutes::ModerationUserRoutes(const UserStore& users) : users_(users) {}

void ModerationUserRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(Method::Get, "/api/v1/moderation/users", Access::Moderator,
                  [this](const Request& request) { return search(request); });
  registrar.route(Method::Post, "/api/v1/moderation/users/{userId:uuid}/assign-moderator", Access::Moderator,
                  [this](const Request& request) { return assign_moderator(request); });
  registrar.route(Method::Post, "/api/v1/moderation/users/{userId:uuid}/revoke-moderator", Access::Moderator,
                  [this](const Request& request) { return revoke_moderator(request); });
}

Response ModerationUserRoutes::search(const Request& request) const {
  // The UI leaves `q` out when the box is empty; an empty `q` means the same.
  const std::string needle = plugin::query_string(request, "q").value_or("");
  const auto rows = needle.empty() ? users_.first_users(static_cast<int>(kMaxUsersListed))
                                   : users_.users_matching(needle, kMaxUsersListed);
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& row : rows) listed.push_back(user_json(row));
  return plugin::json_response(200, listed);
}

Response ModerationUserRoutes::assign_moderator(const Request& request) const {
  return change_moderator_role(request, RoleChange::Grant);
}

Response ModerationUserRoutes::revoke_moderator(const Request& request) const {
  return change_moderator_role(request, RoleChange::Revoke);
}

Response ModerationUserRoutes::change_moderator_role(const Request& request, RoleChange change) const {
  const std::string user_id(request.path_param("userId").value_or(""));
  // Read first: a table update is an upsert and would create a row for an unknown id.
  auto user = users_.find_user(user_id);
  if (!user) throw plugin::NotFound(kUserNotFoundDetail);
  const auto current = stored_roles(*user);
  std::set<std::string> roles(current.begin(), current.end());
  // $push and $pullAll on a set are idempotent: granting twice or revoking a missing role is no error.
  if (change == RoleChange::Grant) {
    users_.update_user(user_id, plugin::data::TableUpdate().push("roles", kModeratorRole));
    roles.insert(kModeratorRole);
  } else {
    users_.update_user(user_id, plugin::data::TableUpdate().pull_all("roles", {kModeratorRole}));
    roles.erase(kModeratorRole);
  }
  (*user)["roles"] = as_stored_set(std::move(roles));
  return plugin::json_response(200, user_json(*user));
}

}  // namespace killrvideo::accounts

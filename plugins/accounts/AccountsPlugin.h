#pragma once
// The accounts domain (design §5): users, their credentials and their activity. It serves register,
// login, profiles, user activity and the moderators' user management, answers the host's account
// lookups, records activity from other domains' events, and imports the sample users.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "AccountImporters.h"
#include "ActivityRoutes.h"
#include "ActivityStore.h"
#include "ActivityWriter.h"
#include "EmailClaims.h"
#include "LoginThrottle.h"
#include "ModerationUserRoutes.h"
#include "UserRoutes.h"
#include "UserStore.h"

namespace killrvideo::accounts {

class AccountsPlugin final : public plugin::Plugin {
 public:
  explicit AccountsPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

  // What the host's access gate asks about a token's subject: does the user exist, with which roles.
  plugin::StoredAccount look_up_account(const std::string& user_id) const;

 private:
  UserStore users_;
  EmailClaims claims_;
  LoginThrottle throttle_;
  ActivityStore activity_;
  UserRoutes user_routes_;
  ModerationUserRoutes moderation_routes_;
  ActivityRoutes activity_routes_;
  ActivityWriter activity_writer_;
  AccountImporters importers_;
};

}  // namespace killrvideo::accounts

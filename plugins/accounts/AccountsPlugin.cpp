#include "AccountsPlugin.h"

#include "AccountsTables.h"
#include "LoginThrottleSettings.h"
#include "UserJson.h"

namespace killrvideo::accounts {

AccountsPlugin::AccountsPlugin(plugin::HostServices& host)
    : users_(host.data()),
      claims_(host.data()),
      throttle_(login_throttle_settings_from(host.config())),
      activity_(host.data()),
      user_routes_(host, users_, claims_, throttle_),
      moderation_routes_(users_),
      activity_routes_(host, activity_),
      activity_writer_(host.ids(), activity_),
      importers_(host.auth(), users_, claims_) {}

void AccountsPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar);
  user_routes_.register_with(registrar);
  moderation_routes_.register_with(registrar);
  activity_routes_.register_with(registrar);
  activity_writer_.register_with(registrar);
  importers_.register_with(registrar);
  registrar.provide_account_lookup([this](const std::string& user_id) { return look_up_account(user_id); });
}

plugin::StoredAccount AccountsPlugin::look_up_account(const std::string& user_id) const {
  plugin::StoredAccount account;
  const auto user = users_.find_user(user_id);
  account.found = user.has_value();
  if (user) account.roles = stored_roles(*user);
  return account;
}

}  // namespace killrvideo::accounts

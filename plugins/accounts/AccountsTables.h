#pragma once
// The tables the accounts plugin owns (api-contract §6).

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::accounts {

inline constexpr const char* kUsersTable = "users";
inline constexpr const char* kUserCredentialsTable = "user_credentials";
inline constexpr const char* kUserActivityTable = "user_activity";

plugin::data::TableSpec users_table();
plugin::data::TableSpec user_credentials_table();
plugin::data::TableSpec user_activity_table();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::accounts

#pragma once
// The tables the accounts plugin owns (api-contract §6), and the collection that makes an email address
// exclusive (EmailClaims).

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::accounts {

inline constexpr const char* kUsersTable = "users";
inline constexpr const char* kUserCredentialsTable = "user_credentials";
inline constexpr const char* kUserActivityTable = "user_activity";

plugin::data::TableSpec users_table();
plugin::data::TableSpec user_credentials_table();
plugin::data::TableSpec user_activity_table();
plugin::data::CollectionSpec user_email_claims_collection();

void declare_tables(plugin::Registrar& registrar);

}  // namespace killrvideo::accounts

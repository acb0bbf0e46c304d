#pragma once
// The sample data's users.csv and user_credentials.csv, row by row from killrvideo-load.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"

#include "EmailClaims.h"
#include "UserStore.h"

namespace killrvideo::accounts {

inline constexpr const char* kUsersDataset = "users";
inline constexpr const char* kUserCredentialsDataset = "user_credentials";

class AccountImporters {
 public:
  AccountImporters(const plugin::AuthService& auth, const UserStore& users, const EmailClaims& claims);

  void register_with(plugin::Registrar& registrar);

  // userid, created_date, email, firstname, lastname, account_status, last_login_date (may be empty).
  // The sample has no roles: each user gets those of a new account. An upsert, so a re-run converges —
  // and puts roles changed since back to those defaults.
  void import_user(const plugin::ImportRow& row) const;
  // email, password, userid, account_locked. The sample's passwords are unsalted SHA-256 digests: kept as
  // they are, verified at login and replaced by bcrypt then. The row is keyed by the address's email_key,
  // and the address is claimed, so that nobody can register it again.
  void import_credentials(const plugin::ImportRow& row) const;

 private:
  const plugin::AuthService& auth_;
  const UserStore& users_;
  const EmailClaims& claims_;
};

}  // namespace killrvideo::accounts

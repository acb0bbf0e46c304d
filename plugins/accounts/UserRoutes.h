#pragma once
// Register, login and the user's own profile (api-contract §4.1, endpoints #1–#5).

#include <cstdint>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "EmailClaims.h"
#include "LoginThrottle.h"
#include "UserStore.h"

namespace killrvideo::accounts {

class UserRoutes {
 public:
  UserRoutes(plugin::HostServices& host, const UserStore& users, const EmailClaims& claims, LoginThrottle& throttle);

  void register_with(plugin::Registrar& registrar);

  // POST /api/v1/users/register
  plugin::Response register_user(const plugin::Request& request) const;
  // POST /api/v1/users/login
  plugin::Response login(const plugin::Request& request) const;
  // GET /api/v1/users/me
  plugin::Response me(const plugin::Request& request) const;
  // PUT /api/v1/users/me
  plugin::Response update_me(const plugin::Request& request) const;
  // GET /api/v1/users/{userId:uuid}
  plugin::Response user_by_id(const plugin::Request& request) const;

 private:
  // 429 with Retry-After: too many failed logins for the account or from the address.
  plugin::Response too_many_attempts(const plugin::Request& request, std::int64_t retry_after_seconds) const;
  // The users row, then the credentials row keyed by `key`.
  void save_account(const std::string& user_id, const std::string& key, const std::string& email,
                    const std::string& first_name, const std::string& last_name, const std::string& password) const;
  // Frees the address of a registration that failed after claiming it, so that a retry can succeed.
  void release_claim(const std::string& key) const;
  // A credentials row keyed by a mixed-case address predates claims: claiming its key on a successful
  // login makes the address exclusive in every case from then on.
  void claim_legacy_address(const Credentials& credentials) const;
  // The stored hash replaced by a bcrypt one when the host says it is legacy or too cheap.
  void upgrade_password_hash(const Credentials& credentials, const std::string& password) const;

  plugin::HostServices& host_;
  const UserStore& users_;
  const EmailClaims& claims_;
  LoginThrottle& throttle_;
};

}  // namespace killrvideo::accounts

#pragma once
// Register, login and the user's own profile (api-contract §4.1, endpoints #1–#5).

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "UserStore.h"

namespace killrvideo::accounts {

class UserRoutes {
 public:
  UserRoutes(plugin::HostServices& host, const UserStore& users);

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
  // The stored hash replaced by a bcrypt one when the host says it is legacy or too cheap.
  void upgrade_password_hash(const Credentials& credentials, const std::string& password) const;

  plugin::HostServices& host_;
  const UserStore& users_;
};

}  // namespace killrvideo::accounts

#include "UserRoutes.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/Update.h"

#include "EmailKey.h"
#include "NewAccountRoles.h"
#include "ProblemDetails.h"
#include "Timestamps.h"
#include "UserJson.h"

namespace killrvideo::accounts {

namespace {

using nlohmann::ordered_json;
using plugin::Access;
using plugin::BodyReader;
using plugin::Method;
using plugin::Presence;
using plugin::Request;
using plugin::Response;

inline constexpr std::size_t kMaxNameLength = 50;
inline constexpr std::size_t kMinNewPasswordLength = 8;
inline constexpr const char* kActiveStatus = "active";

// Routes other than Public always carry the caller; without one (a test calling directly) say so.
const plugin::Principal& caller_of(const Request& request) {
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized("Not authenticated");
  return *caller;
}

std::string hashed(plugin::AuthService& auth, const std::string& password) {
  std::string hash = auth.hash_password(password);
  if (hash.empty()) throw std::runtime_error("accounts: the host could not hash a password");
  return hash;
}

}  // namespace

UserRoutes::UserRoutes(plugin::HostServices& host, const UserStore& users, const EmailClaims& claims,
                       LoginThrottle& throttle)
    : host_(host), users_(users), claims_(claims), throttle_(throttle) {}

void UserRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(Method::Post, "/api/v1/users/register", Access::Public,
                  [this](const Request& request) { return register_user(request); });
  registrar.route(Method::Post, "/api/v1/users/login", Access::Public,
                  [this](const Request& request) { return login(request); });
  registrar.route(Method::Get, "/api/v1/users/me", Access::Viewer, [this](const Request& request) { return me(request); });
  registrar.route(Method::Put, "/api/v1/users/me", Access::Viewer,
                  [this](const Request& request) { return update_me(request); });
  registrar.route(Method::Get, "/api/v1/users/{userId:uuid}", Access::Public,
                  [this](const Request& request) { return user_by_id(request); });
}

Response UserRoutes::register_user(const Request& request) const {
  BodyReader body(request);
  const auto first_name = body.string("firstName", 1, kMaxNameLength);
  const auto last_name = body.string("lastName", 1, kMaxNameLength);
  const auto email = body.email("email");
  const auto password = body.password("password", kMinNewPasswordLength);
  body.finish();

  // Rows from before claims existed are checked first; the claim then decides between simultaneous
  // registrations, since a table insert would just overwrite.
  if (users_.find_credentials(*email)) throw plugin::BadRequest(kEmailTakenDetail);
  const std::string key = email_key(*email);
  const std::string user_id = host_.ids().uuid4();
  if (!claims_.claim(key, user_id)) throw plugin::BadRequest(kEmailTakenDetail);
  try {
    save_account(user_id, key, *email, *first_name, *last_name, *password);
  } catch (...) {
    release_claim(key);
    throw;
  }
  return plugin::json_response(
      201, {{"firstName", *first_name}, {"lastName", *last_name}, {"email", *email}, {"userId", user_id}});
}

Response UserRoutes::login(const Request& request) const {
  BodyReader body(request);
  const auto email = body.email("email");
  const auto password = body.password("password", 1);
  body.finish();

  const std::string account = email_key(*email);
  const std::int64_t now_ms = host_.clock().now_ms();
  if (const auto wait = throttle_.retry_after_seconds(account, request.client_address(), now_ms); wait > 0) {
    return too_many_attempts(request, wait);
  }
  const auto credentials = users_.find_credentials(*email);
  if (!credentials || credentials->locked || !host_.auth().verify_password(*password, credentials->password_hash)) {
    throttle_.record_failure(account, request.client_address(), now_ms);
    throw plugin::Unauthorized(kBadCredentialsDetail);
  }
  throttle_.record_success(account);
  auto user = users_.find_user(credentials->user_id);
  if (!user) throw plugin::Unauthorized(kBadCredentialsDetail);

  upgrade_password_hash(*credentials, *password);
  claim_legacy_address(*credentials);
  const std::string now = iso_timestamp(now_ms);
  users_.update_user(credentials->user_id, plugin::data::TableUpdate().set("last_login_date", now));
  (*user)["last_login_date"] = now;
  const std::vector<std::string> roles = stored_roles(*user);
  return plugin::json_response(
      200, {{"token", host_.auth().issue_token(credentials->user_id, roles)}, {"user", user_json(*user)}});
}

Response UserRoutes::too_many_attempts(const Request& request, std::int64_t retry_after_seconds) const {
  Response refused = plugin::problem_response(429, kTooManyLoginsDetail, request.url());
  refused.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return refused;
}

void UserRoutes::save_account(const std::string& user_id, const std::string& key, const std::string& email,
                              const std::string& first_name, const std::string& last_name,
                              const std::string& password) const {
  // users first: a failure between the two writes leaves an unreachable profile, never an email that
  // is taken by credentials pointing at no user.
  users_.save_user({{"userid", user_id},
                    {"created_date", iso_timestamp(host_.clock().now_ms())},
                    {"email", email},
                    {"firstname", first_name},
                    {"lastname", last_name},
                    {"account_status", kActiveStatus},
                    {"roles", roles_for_new_account(host_.auth(), email)}});
  users_.save_credentials({key, hashed(host_.auth(), password), user_id, false});
}

void UserRoutes::release_claim(const std::string& key) const {
  // Best effort: the client must hear about the failure that stopped the registration, not this one.
  try {
    claims_.release(key);
  } catch (const std::exception&) {
  }
}

void UserRoutes::claim_legacy_address(const Credentials& credentials) const {
  const std::string key = email_key(credentials.email);
  if (key != credentials.email) claims_.claim(key, credentials.user_id);
}

void UserRoutes::upgrade_password_hash(const Credentials& credentials, const std::string& password) const {
  if (!host_.auth().needs_rehash(credentials.password_hash)) return;
  users_.replace_password(credentials.email, hashed(host_.auth(), password));
}

Response UserRoutes::me(const Request& request) const {
  const plugin::Principal& caller = caller_of(request);
  const auto user = users_.find_user(caller.user_id);
  if (!user) throw plugin::NotFound(kUserNotFoundDetail);
  return plugin::json_response(200, user_json(*user, caller.roles));
}

Response UserRoutes::update_me(const Request& request) const {
  const plugin::Principal& caller = caller_of(request);
  BodyReader body(request);
  const auto first_name = body.string("firstName", 1, kMaxNameLength, Presence::Optional);
  const auto last_name = body.string("lastName", 1, kMaxNameLength, Presence::Optional);
  body.finish();

  // Read first: a table update is an upsert and would bring a deleted user back as a bare row.
  auto user = users_.find_user(caller.user_id);
  if (!user) throw plugin::NotFound(kUserVanishedDetail);
  plugin::data::TableUpdate update;
  // Only the supplied names are written; the answer is the row as it now stands.
  if (first_name) {
    update.set("firstname", *first_name);
    (*user)["firstname"] = *first_name;
  }
  if (last_name) {
    update.set("lastname", *last_name);
    (*user)["lastname"] = *last_name;
  }
  if (!update.empty()) users_.update_user(caller.user_id, update);
  return plugin::json_response(200, user_json(*user, caller.roles));
}

Response UserRoutes::user_by_id(const Request& request) const {
  const std::string user_id(request.path_param("userId").value_or(""));
  const auto user = users_.find_user(user_id);
  if (!user) throw plugin::NotFound(kUserNotFoundDetail);
  return plugin::json_response(200, user_json(*user));
}

}  // namespace killrvideo::accounts

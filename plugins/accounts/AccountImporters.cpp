#include "AccountImporters.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Validation.h"

#include "EmailKey.h"
#include "NewAccountRoles.h"
#include "Timestamps.h"

namespace killrvideo::accounts {

namespace {

const std::string& column(const plugin::ImportRow& row, const char* name) {
  const auto found = row.find(name);
  if (found == row.end()) throw std::invalid_argument(std::string("column '") + name + "' is missing");
  return found->second;
}

const std::string& required_text(const plugin::ImportRow& row, const char* name) {
  const std::string& text = column(row, name);
  if (text.empty()) throw std::invalid_argument(std::string(name) + " is empty");
  return text;
}

std::string uuid_column(const plugin::ImportRow& row, const char* name) {
  const std::string& text = column(row, name);
  if (!plugin::is_canonical_uuid(text)) throw std::invalid_argument(std::string(name) + " '" + text + "' is not a UUID");
  return text;
}

// Normalised to the form the plugin writes itself, so imported and registered rows read alike.
std::string timestamp_column(const plugin::ImportRow& row, const char* name) {
  const std::string& text = column(row, name);
  const auto epoch_ms = parse_iso_timestamp(text);
  if (!epoch_ms) throw std::invalid_argument(std::string(name) + " '" + text + "' is not an ISO-8601 timestamp");
  return iso_timestamp(*epoch_ms);
}

bool boolean_column(const plugin::ImportRow& row, const char* name) {
  const std::string& text = column(row, name);
  if (text == "true" || text == "True") return true;
  if (text == "false" || text == "False") return false;
  throw std::invalid_argument(std::string(name) + " '" + text + "' is not true or false");
}

}  // namespace

AccountImporters::AccountImporters(const plugin::AuthService& auth, const UserStore& users, const EmailClaims& claims)
    : auth_(auth), users_(users), claims_(claims) {}

void AccountImporters::register_with(plugin::Registrar& registrar) {
  registrar.import(kUsersDataset, [this](const plugin::ImportRow& row) { import_user(row); });
  registrar.import(kUserCredentialsDataset, [this](const plugin::ImportRow& row) { import_credentials(row); });
}

void AccountImporters::import_user(const plugin::ImportRow& row) const {
  const std::string& email = required_text(row, "email");
  nlohmann::ordered_json user = {{"userid", uuid_column(row, "userid")},
                                 {"created_date", timestamp_column(row, "created_date")},
                                 {"email", email},
                                 {"firstname", column(row, "firstname")},
                                 {"lastname", column(row, "lastname")},
                                 {"account_status", required_text(row, "account_status")},
                                 {"roles", roles_for_new_account(auth_, email)}};
  // Users who never logged in have an empty cell: the column stays null.
  if (!column(row, "last_login_date").empty()) user["last_login_date"] = timestamp_column(row, "last_login_date");
  users_.save_user(user);
}

void AccountImporters::import_credentials(const plugin::ImportRow& row) const {
  const std::string key = email_key(required_text(row, "email"));
  const std::string user_id = uuid_column(row, "userid");
  users_.save_credentials({key, required_text(row, "password"), user_id, boolean_column(row, "account_locked")});
  // A re-run finds its own claim: the address stays taken either way.
  claims_.claim(key, user_id);
}

}  // namespace killrvideo::accounts

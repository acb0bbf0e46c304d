#include "UserStore.h"

#include <algorithm>
#include <cctype>

#include "AccountsTables.h"
#include "EmailKey.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

namespace killrvideo::accounts {

namespace {

using nlohmann::ordered_json;
using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::TableUpdate;

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool column_contains(const ordered_json& row, const char* column, const std::string& needle) {
  const auto value = row.find(column);
  return value != row.end() && value->is_string() &&
         lowercase(value->get<std::string>()).find(needle) != std::string::npos;
}

bool matches(const ordered_json& row, const std::string& needle) {
  return column_contains(row, "email", needle) || column_contains(row, "firstname", needle) ||
         column_contains(row, "lastname", needle);
}

std::string text_column(const ordered_json& row, const char* column) {
  const auto value = row.find(column);
  return value != row.end() && value->is_string() ? value->get<std::string>() : std::string();
}

}  // namespace

UserStore::UserStore(plugin::DataClient& data) : users_(data, kUsersTable), credentials_(data, kUserCredentialsTable) {}

std::optional<ordered_json> UserStore::find_user(const std::string& user_id) const {
  return users_.find_one(Filter().eq("userid", user_id));
}

std::optional<Credentials> UserStore::find_credentials(const std::string& email) const {
  const std::string key = email_key(email);
  if (auto found = credentials_row(key)) return found;
  // Rows written before addresses were keyed lower-case hold the address as it was typed.
  if (key != email) return credentials_row(email);
  return std::nullopt;
}

std::optional<Credentials> UserStore::credentials_row(const std::string& email) const {
  const auto row = credentials_.find_one(Filter().eq("email", email));
  if (!row) return std::nullopt;
  const auto locked = row->find("account_locked");
  return Credentials{email, text_column(*row, "password"), text_column(*row, "userid"),
                     locked != row->end() && locked->is_boolean() && locked->get<bool>()};
}

void UserStore::save_user(const ordered_json& row) const { users_.insert_one(row); }

void UserStore::save_credentials(const Credentials& credentials) const {
  credentials_.insert_one({{"email", credentials.email},
                           {"password", credentials.password_hash},
                           {"userid", credentials.user_id},
                           {"account_locked", credentials.locked}});
}

void UserStore::update_user(const std::string& user_id, const TableUpdate& update) const {
  users_.update_one(Filter().eq("userid", user_id), update);
}

void UserStore::replace_password(const std::string& email, const std::string& password_hash) const {
  credentials_.update_one(Filter().eq("email", email), TableUpdate().set("password", password_hash));
}

std::vector<ordered_json> UserStore::first_users(int limit) const {
  return users_.find(Filter(), FindOptions().limit(limit)).documents;
}

std::vector<ordered_json> UserStore::users_matching(const std::string& needle, std::size_t limit) const {
  const std::string wanted = lowercase(needle);
  std::vector<ordered_json> found;
  std::size_t scanned = 0;
  FindOptions options;
  for (;;) {
    auto page = users_.find(Filter(), options);
    for (auto& row : page.documents) {
      if (scanned++ == kMaxUsersScanned) return found;
      if (!matches(row, wanted)) continue;
      found.push_back(std::move(row));
      if (found.size() == limit) return found;
    }
    if (!page.next_page_state) return found;
    options.page_state(*page.next_page_state);
  }
}

}  // namespace killrvideo::accounts

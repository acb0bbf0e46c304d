#pragma once
// The two tables that hold an account: `users` keyed by id (what every authenticated request reads) and
// `user_credentials` keyed by email (what login reads). Denormalised on purpose: each read is a point
// read by partition key, and the writes keep both in step.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/data/Update.h"

namespace killrvideo::accounts {

struct Credentials {
  std::string email;  // the row's key: email_key(address) for rows written since keys are lower-cased
  std::string password_hash;
  std::string user_id;
  bool locked = false;
};

// A search reads at most this many rows of `users` looking for matches: an unindexed substring match is
// a scan, so it is bounded rather than allowed to read a whole large table on one request.
inline constexpr std::size_t kMaxUsersScanned = 10'000;

class UserStore {
 public:
  explicit UserStore(plugin::DataClient& data);

  std::optional<nlohmann::ordered_json> find_user(const std::string& user_id) const;
  // By the address's email_key, then (for rows stored before keys were lower-cased) as typed. The
  // Credentials carry the key of the row found.
  std::optional<Credentials> find_credentials(const std::string& email) const;

  // Upserts: the same key overwrites the given columns.
  void save_user(const nlohmann::ordered_json& row) const;
  void save_credentials(const Credentials& credentials) const;

  void update_user(const std::string& user_id, const plugin::data::TableUpdate& update) const;
  void replace_password(const std::string& email, const std::string& password_hash) const;

  // The first `limit` users (no filter), in storage order.
  std::vector<nlohmann::ordered_json> first_users(int limit) const;
  // Up to `limit` users whose email, first or last name contains `needle`, ignoring case.
  std::vector<nlohmann::ordered_json> users_matching(const std::string& needle, std::size_t limit) const;

 private:
  std::optional<Credentials> credentials_row(const std::string& email) const;

  plugin::data::Table users_;
  plugin::data::Table credentials_;
};

}  // namespace killrvideo::accounts

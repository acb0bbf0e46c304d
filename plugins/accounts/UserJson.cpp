#include "UserJson.h"

#include "Timestamps.h"

namespace killrvideo::accounts {

namespace {

inline constexpr const char* kDefaultAccountStatus = "active";

nlohmann::json column_or_null(const nlohmann::ordered_json& row, const char* column) {
  const auto value = row.find(column);
  return value == row.end() ? nlohmann::json() : nlohmann::json(*value);
}

// One spelling for an instant whether it was just set or read back: backends may drop a zero fraction
// ("…:32Z" vs "…:32.000Z"), and the UI compares the User it cached at login with later answers.
nlohmann::json timestamp_or_null(const nlohmann::ordered_json& row, const char* column) {
  const nlohmann::json value = column_or_null(row, column);
  if (!value.is_string()) return value;
  const auto instant = parse_iso_timestamp(value.get<std::string>());
  return instant ? nlohmann::json(iso_timestamp(*instant)) : value;
}

}  // namespace

std::vector<std::string> stored_roles(const nlohmann::ordered_json& row) {
  const auto roles = row.find("roles");
  if (roles == row.end() || !roles->is_array()) return {};
  return roles->get<std::vector<std::string>>();
}

nlohmann::json user_json(const nlohmann::ordered_json& row, const std::vector<std::string>& fallback_roles) {
  const std::vector<std::string> roles = stored_roles(row);
  const nlohmann::json status = column_or_null(row, "account_status");
  return {{"firstName", column_or_null(row, "firstname")},
          {"lastName", column_or_null(row, "lastname")},
          {"email", column_or_null(row, "email")},
          {"userId", column_or_null(row, "userid")},
          {"createdDate", timestamp_or_null(row, "created_date")},
          {"accountStatus", status.is_null() ? nlohmann::json(kDefaultAccountStatus) : status},
          {"lastLoginDate", timestamp_or_null(row, "last_login_date")},
          {"roles", roles.empty() ? fallback_roles : roles}};
}

}  // namespace killrvideo::accounts

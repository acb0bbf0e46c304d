#include "UserJson.h"

namespace killrvideo::accounts {

namespace {

inline constexpr const char* kDefaultAccountStatus = "active";

nlohmann::json column_or_null(const nlohmann::ordered_json& row, const char* column) {
  const auto value = row.find(column);
  return value == row.end() ? nlohmann::json() : nlohmann::json(*value);
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
          {"createdDate", column_or_null(row, "created_date")},
          {"accountStatus", status.is_null() ? nlohmann::json(kDefaultAccountStatus) : status},
          {"lastLoginDate", column_or_null(row, "last_login_date")},
          {"roles", roles.empty() ? fallback_roles : roles}};
}

}  // namespace killrvideo::accounts

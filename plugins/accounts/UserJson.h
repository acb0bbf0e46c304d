#pragma once
// The User shape of api-contract §2, from a `users` row.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::accounts {

// The row's `roles` set; empty when the column is absent.
std::vector<std::string> stored_roles(const nlohmann::ordered_json& row);

// {firstName, lastName, email, userId, createdDate, accountStatus, lastLoginDate, roles}. Absent optional
// columns are null; accountStatus defaults to "active"; roles are the stored ones, or `fallback_roles`
// when none are stored (the token's roles, api-contract §4.1 #3).
nlohmann::json user_json(const nlohmann::ordered_json& row, const std::vector<std::string>& fallback_roles = {});

}  // namespace killrvideo::accounts

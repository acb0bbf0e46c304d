#include "ActivityRoutes.h"

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/data/DataApiError.h"

#include "Timestamps.h"

namespace killrvideo::accounts {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using plugin::ValidationError;
using plugin::ValidationIssue;

inline constexpr const char* kActivityTypeParam = "activity_type";
inline constexpr const char* kExpectedActivityTypes = "'view', 'comment' or 'rate'";

bool is_activity_type(const std::string& text) { return text == "view" || text == "comment" || text == "rate"; }

// Runs one parameter check, keeping its 422 issues so that one answer lists every bad parameter.
template <class Check>
auto collect(std::vector<ValidationIssue>& issues, Check check) -> std::optional<decltype(check())> {
  try {
    return check();
  } catch (const ValidationError& e) {
    issues.insert(issues.end(), e.issues().begin(), e.issues().end());
    return std::nullopt;
  }
}

std::optional<std::string> activity_type_param(const plugin::Request& request) {
  auto type = plugin::query_string(request, kActivityTypeParam);
  if (!type || is_activity_type(*type)) return type;
  throw ValidationError({ValidationIssue{"enum",
                                         {"query", kActivityTypeParam},
                                         std::string("Input should be ") + kExpectedActivityTypes,
                                         *type,
                                         {{"expected", kExpectedActivityTypes}}}});
}

std::int64_t timestamp_of(const ordered_json& row) {
  const auto value = row.find("activity_timestamp");
  if (value == row.end() || !value->is_string()) return 0;
  return parse_iso_timestamp(value->get<std::string>()).value_or(0);
}

json column_or_null(const ordered_json& row, const char* column) {
  const auto value = row.find(column);
  return value == row.end() ? json() : json(*value);
}

// The reference's camelCase keys and the snake_case ones the UI reads (api-contract §7.4), plus videoid.
json activity_json(const ordered_json& row) {
  const json user_id = column_or_null(row, "userid");
  const json type = column_or_null(row, "activity_type");
  const json id = column_or_null(row, "activity_id");
  const json timestamp = column_or_null(row, "activity_timestamp");
  return {{"userId", user_id},       {"activityType", type},   {"activityId", id},
          {"activityTimestamp", timestamp}, {"userid", user_id}, {"activity_type", type},
          {"activity_id", id},       {"activity_timestamp", timestamp}, {"videoid", column_or_null(row, "videoid")}};
}

}  // namespace

ActivityRoutes::ActivityRoutes(plugin::HostServices& host, const ActivityStore& activity)
    : host_(host), activity_(activity) {}

void ActivityRoutes::register_with(plugin::Registrar& registrar) {
  // `{userId}`, not `{userId:uuid}`: a malformed id is a 422 here (api-contract §1.4), not a 404.
  registrar.route(plugin::Method::Get, "/api/v1/users/{userId}/activity", plugin::Access::Public,
                  [this](const plugin::Request& request) { return list(request); });
}

plugin::Response ActivityRoutes::list(const plugin::Request& request) const {
  std::vector<ValidationIssue> issues;
  const auto user_id = collect(issues, [&] { return plugin::uuid_path_param(request, "userId"); });
  const auto activity_type = collect(issues, [&] { return activity_type_param(request); });
  const auto page = collect(issues, [&] { return plugin::page_request(request); });
  if (!issues.empty()) throw ValidationError(std::move(issues));

  std::vector<ordered_json> rows = recent(*user_id, *activity_type);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ordered_json& a, const ordered_json& b) { return timestamp_of(a) > timestamp_of(b); });
  json items = json::array();
  const auto first = static_cast<std::size_t>(plugin::page_offset(*page));
  for (std::size_t i = first; i < rows.size() && i < first + static_cast<std::size_t>(page->page_size); ++i) {
    items.push_back(activity_json(rows[i]));
  }
  return plugin::json_response(200, plugin::page_envelope(std::move(items), *page, static_cast<std::int64_t>(rows.size())));
}

std::vector<ordered_json> ActivityRoutes::recent(const std::string& user_id,
                                                 const std::optional<std::string>& activity_type) const {
  std::vector<ordered_json> rows;
  const std::int64_t now_ms = host_.clock().now_ms();
  for (int days_back = 0; days_back < kActivityDays; ++days_back) {
    const std::string day = utc_day(now_ms - days_back * kMillisecondsPerDay);
    try {
      auto found = activity_.day(user_id, day, activity_type, kActivityRowsPerDay);
      std::move(found.begin(), found.end(), std::back_inserter(rows));
    } catch (const plugin::data::DataApiError& e) {
      // An unreachable store fails the request (503) like every other route; a partition the server
      // refuses is skipped, as the reference does, so one bad day does not hide the rest.
      if (e.is_data_store_unavailable()) throw;
      host_.log().warn("user activity: skipped " + user_id + " " + day + ": " + e.error_code() + " " + e.message());
    }
  }
  return rows;
}

}  // namespace killrvideo::accounts

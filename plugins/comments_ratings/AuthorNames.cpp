#include "AuthorNames.h"

#include <set>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

namespace {

std::optional<std::string> text_column(const nlohmann::ordered_json& row, const char* column) {
  const auto value = row.find(column);
  if (value == row.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

}  // namespace

AuthorNames::AuthorNames(plugin::DataClient& data) : users_(data, kUsersTable) {}

std::map<std::string, AuthorName> AuthorNames::of(const std::vector<std::string>& user_ids) const {
  std::map<std::string, AuthorName> names;
  const std::set<std::string> distinct(user_ids.begin(), user_ids.end());
  if (distinct.empty()) return names;
  const auto rows = users_.find_all(plugin::data::Filter().in("userid", {distinct.begin(), distinct.end()}),
                                    distinct.size(),
                                    plugin::data::FindOptions().projection(
                                        plugin::data::Projection::include({"userid", "firstname", "lastname"})));
  for (const auto& row : rows.documents) {
    names[row.at("userid").get<std::string>()] = {text_column(row, "firstname"), text_column(row, "lastname")};
  }
  return names;
}

}  // namespace killrvideo::comments_ratings

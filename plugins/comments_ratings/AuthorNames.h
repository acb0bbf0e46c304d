#pragma once
// Comment authors' first and last names, read from the accounts plugin's `users` table (declared read):
// one `$in` read for the distinct authors of a page, never one read per comment.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::comments_ratings {

struct AuthorName {
  std::optional<std::string> first;
  std::optional<std::string> last;
};

class AuthorNames {
 public:
  explicit AuthorNames(plugin::DataClient& data);

  // Names of the users that exist among `user_ids` (duplicates allowed); others are absent.
  std::map<std::string, AuthorName> of(const std::vector<std::string>& user_ids) const;

 private:
  plugin::data::Table users_;
};

}  // namespace killrvideo::comments_ratings

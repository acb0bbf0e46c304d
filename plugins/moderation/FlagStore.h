#pragma once
// Flags by id in the `content_moderation` collection: the record of every flag and the arbiter of its
// status. A status change is one findOneAndUpdate filtered on the statuses it may leave, so of two
// moderators acting on one flag at once exactly one changes it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

#include "Flag.h"

namespace killrvideo::moderation {

struct FlagDecision {
  std::string status;
  std::string moderator_id;
  std::optional<std::string> notes;
  std::int64_t at_ms = 0;
};

struct FlagTransition {
  enum class Outcome { Changed, NotFound, AlreadyResolved };
  Outcome outcome = Outcome::NotFound;
  std::optional<Flag> before;  // with Changed
  std::optional<Flag> after;   // with Changed
};

class FlagStore {
 public:
  explicit FlagStore(plugin::DataClient& data);

  void create(const Flag& flag) const;
  std::optional<Flag> find(const std::string& flag_id) const;
  // In the order of `flag_ids`; ids without a flag are left out. One read.
  std::vector<Flag> find_many(const std::vector<std::string>& flag_ids) const;
  FlagTransition decide(const std::string& flag_id, const FlagDecision& decision) const;
  // Every flag (reads the whole collection): the recount's source of truth.
  std::vector<Flag> all() const;

 private:
  plugin::data::Collection flags_;
};

}  // namespace killrvideo::moderation

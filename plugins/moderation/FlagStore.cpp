#include "FlagStore.h"

#include <map>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::FindOneAndUpdateOptions;
using plugin::data::ReturnDocument;

namespace {

CollectionUpdate update_for(const FlagDecision& decision) {
  const std::string now = plugin::iso_timestamp(decision.at_ms);
  return CollectionUpdate()
      .set("status", decision.status)
      .set("moderatorId", decision.moderator_id)
      .set("moderatorNotes", decision.notes ? nlohmann::ordered_json(*decision.notes) : nlohmann::ordered_json())
      .set("updatedAt", now)
      .set("resolvedAt", is_final(decision.status) ? nlohmann::ordered_json(now) : nlohmann::ordered_json());
}

// The flag as the update left it: the same fields update_for wrote, without reading it back.
Flag applied(Flag flag, const FlagDecision& decision) {
  flag.status = decision.status;
  flag.moderator_id = decision.moderator_id;
  flag.moderator_notes = decision.notes;
  flag.updated_ms = decision.at_ms;
  flag.resolved_ms = is_final(decision.status) ? std::optional<std::int64_t>(decision.at_ms) : std::nullopt;
  return flag;
}

}  // namespace

FlagStore::FlagStore(plugin::DataClient& data) : flags_(data, kFlagsCollection) {}

void FlagStore::create(const Flag& flag) const { flags_.insert_one(flag_document(flag)); }

std::optional<Flag> FlagStore::find(const std::string& flag_id) const {
  const auto document = flags_.find_one(Filter().eq("_id", flag_id));
  if (!document) return std::nullopt;
  return flag_from(*document);
}

std::vector<Flag> FlagStore::find_many(const std::vector<std::string>& flag_ids) const {
  if (flag_ids.empty()) return {};
  const std::vector<nlohmann::ordered_json> ids(flag_ids.begin(), flag_ids.end());
  const auto documents = flags_.find_all(Filter().in("_id", ids), flag_ids.size()).documents;
  std::map<std::string, Flag> by_id;
  for (const auto& document : documents) {
    Flag flag = flag_from(document);
    by_id.emplace(flag.flag_id, std::move(flag));
  }
  std::vector<Flag> ordered;
  for (const auto& id : flag_ids) {
    if (const auto found = by_id.find(id); found != by_id.end()) ordered.push_back(found->second);
  }
  return ordered;
}

FlagTransition FlagStore::decide(const std::string& flag_id, const FlagDecision& decision) const {
  const auto before = flags_.find_one_and_update(
      Filter().eq("_id", flag_id).in("status", {kStatusOpen, kStatusUnderReview}), update_for(decision),
      FindOneAndUpdateOptions().return_document(ReturnDocument::Before));
  FlagTransition transition;
  if (before.document) {
    transition.outcome = FlagTransition::Outcome::Changed;
    transition.before = flag_from(*before.document);
    transition.after = applied(*transition.before, decision);
    return transition;
  }
  // Nothing matched: either there is no such flag, or it left open/under_review (perhaps just now).
  transition.outcome = find(flag_id) ? FlagTransition::Outcome::AlreadyResolved : FlagTransition::Outcome::NotFound;
  return transition;
}

std::vector<Flag> FlagStore::all() const {
  std::vector<Flag> flags;
  for (const auto& document : flags_.find_all(Filter(), SIZE_MAX).documents) flags.push_back(flag_from(document));
  return flags;
}

}  // namespace killrvideo::moderation

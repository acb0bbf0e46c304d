#include "AuditTrail.h"

#include <map>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::UpdateOneOptions;

namespace {

constexpr const char* kEntriesField = "entries";

nlohmann::ordered_json optional_value(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}

std::optional<std::string> stored_text(const nlohmann::ordered_json& row, const char* column) {
  const auto value = row.find(column);
  if (value == row.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

AuditEntry entry_from(const nlohmann::ordered_json& row) {
  AuditEntry entry;
  entry.entry_id = row.at("entryid").get<std::string>();
  entry.content_id = row.at("contentid").get<std::string>();
  entry.content_type = stored_text(row, "content_type").value_or("");
  entry.action = stored_text(row, "action").value_or("");
  entry.actor_id = stored_text(row, "actor");
  entry.flag_id = stored_text(row, "flagid");
  entry.details = stored_text(row, "details").value_or("");
  entry.at_ms = plugin::parse_iso_timestamp(row.at("at").get<std::string>()).value_or(0);
  return entry;
}

}  // namespace

AuditTrail::AuditTrail(plugin::DataClient& data) : entries_(data, kAuditTable), counts_(data, kAuditCountsCollection) {}

void AuditTrail::record(const AuditEntry& entry) const {
  entries_.insert_one({{"contentid", entry.content_id},
                       {"at", plugin::iso_timestamp(entry.at_ms)},
                       {"entryid", entry.entry_id},
                       {"content_type", entry.content_type},
                       {"action", entry.action},
                       {"actor", optional_value(entry.actor_id)},
                       {"flagid", optional_value(entry.flag_id)},
                       {"details", entry.details}});
  counts_.update_one(Filter().eq("_id", entry.content_id), CollectionUpdate().inc(kEntriesField, 1),
                     UpdateOneOptions().upsert());
}

AuditPage AuditTrail::of_content(const std::string& content_id, std::int64_t offset, int count) const {
  AuditPage page;
  page.total = count_of(content_id);
  if (offset >= page.total) return page;  // past the end: the counter alone answers
  const auto wanted = static_cast<std::size_t>(offset) + static_cast<std::size_t>(count);
  // One partition in clustering order (newest first); `limit` stops the server after the page's last row.
  const auto rows = entries_.find_all(Filter().eq("contentid", content_id), wanted,
                                      FindOptions().limit(static_cast<int>(wanted)));
  for (std::size_t i = static_cast<std::size_t>(offset); i < rows.documents.size(); ++i) {
    page.entries.push_back(entry_from(rows.documents[i]));
  }
  return page;
}

void AuditTrail::recount(const std::function<void(const std::string&)>& report) const {
  std::map<std::string, std::int64_t> expected;
  for (const auto& document : counts_.find_all(Filter(), SIZE_MAX).documents) expected[document.at("_id").get<std::string>()];
  const auto rows = entries_.find_all(Filter(), SIZE_MAX, FindOptions().projection(plugin::data::Projection::include({"contentid"})));
  for (const auto& row : rows.documents) ++expected[row.at("contentid").get<std::string>()];
  for (const auto& [content_id, entries] : expected) {
    const std::int64_t stored = count_of(content_id);
    if (stored == entries) continue;
    counts_.update_one(Filter().eq("_id", content_id), CollectionUpdate().set(kEntriesField, entries),
                       UpdateOneOptions().upsert());
    report(std::string(kAuditCountsCollection) + " " + content_id + ": " + std::to_string(stored) + " -> " +
           std::to_string(entries));
  }
}

std::int64_t AuditTrail::count_of(const std::string& content_id) const {
  const auto document = counts_.find_one(Filter().eq("_id", content_id));
  if (!document) return 0;
  const auto entries = document->find(kEntriesField);
  return entries != document->end() && entries->is_number_integer() ? entries->get<std::int64_t>() : 0;
}

nlohmann::json audit_entry_json(const AuditEntry& entry) {
  return {{"entryId", entry.entry_id},
          {"contentId", entry.content_id},
          {"contentType", entry.content_type},
          {"action", entry.action},
          {"actorId", entry.actor_id ? nlohmann::json(*entry.actor_id) : nlohmann::json()},
          {"flagId", entry.flag_id ? nlohmann::json(*entry.flag_id) : nlohmann::json()},
          {"details", entry.details},
          {"at", plugin::iso_timestamp(entry.at_ms)}};
}

}  // namespace killrvideo::moderation

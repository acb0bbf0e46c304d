#pragma once
// The append-only audit log `moderation_audit`: one partition per moderated content (a video or a
// comment), newest entry first — flagging, every status change of its flags, every removal and restore,
// each with its actor and time. Entries are only ever inserted. `moderation_audit_counts` holds each
// content's number of entries, moved by $inc, so a page answers an exact total with one point read.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::moderation {

struct AuditEntry {
  std::string entry_id;  // a fresh time-based id: two entries of one instant never collide
  std::string content_id;
  std::string content_type;
  std::string action;  // "flagged", "status:<status>", "removed", "restored"
  std::optional<std::string> actor_id;
  std::optional<std::string> flag_id;
  std::string details;
  std::int64_t at_ms = 0;
};

struct AuditPage {
  std::vector<AuditEntry> entries;  // newest first
  std::int64_t total = 0;
};

class AuditTrail {
 public:
  explicit AuditTrail(plugin::DataClient& data);

  void record(const AuditEntry& entry) const;
  // Rows [offset, offset + count) of the content's partition: reads offset + count rows, never more.
  AuditPage of_content(const std::string& content_id, std::int64_t offset, int count) const;
  // Recounts every content's entries from the rows (reads the whole table), reporting each correction.
  void recount(const std::function<void(const std::string&)>& report) const;

 private:
  std::int64_t count_of(const std::string& content_id) const;

  plugin::data::Table entries_;
  plugin::data::Collection counts_;
};

nlohmann::json audit_entry_json(const AuditEntry& entry);

}  // namespace killrvideo::moderation

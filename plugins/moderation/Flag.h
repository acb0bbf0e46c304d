#pragma once
// A flag as stored in `content_moderation` (one document, `_id` = flagId) and as answered (api-contract
// §2 Flag). Unlike the reference, every field survives: reporter, times, reason text, notes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::moderation {

inline constexpr const char* kStatusOpen = "open";
inline constexpr const char* kStatusUnderReview = "under_review";
inline constexpr const char* kStatusApproved = "approved";
inline constexpr const char* kStatusRejected = "rejected";

const std::vector<std::string>& flag_statuses();
const std::vector<std::string>& flag_reasons();
const std::vector<std::string>& content_types();
// A flag in one of these can still be acted on; approved and rejected are final.
bool is_unresolved(const std::string& status);
bool is_final(const std::string& status);

struct Flag {
  std::string flag_id;
  std::string content_type;  // "video" | "comment"
  std::string content_id;
  std::string reason_code;
  std::optional<std::string> reason_text;
  std::string reporter_id;
  std::int64_t created_ms = 0;
  std::int64_t updated_ms = 0;
  std::string status = kStatusOpen;
  std::optional<std::string> moderator_id;
  std::optional<std::string> moderator_notes;
  std::optional<std::int64_t> resolved_ms;
};

nlohmann::ordered_json flag_document(const Flag& flag);
// Throws std::invalid_argument naming the field when a stored document lacks one.
Flag flag_from(const nlohmann::ordered_json& document);
nlohmann::json flag_json(const Flag& flag);
// The reference's `flagged_reason` column: "<code>:<text>" or "<code>".
std::string flagged_reason(const Flag& flag);

}  // namespace killrvideo::moderation

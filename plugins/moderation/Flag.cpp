#include "Flag.h"

#include <algorithm>
#include <stdexcept>

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::moderation {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json optional_time(const std::optional<std::int64_t>& epoch_ms) {
  return epoch_ms ? nlohmann::json(plugin::iso_timestamp(*epoch_ms)) : nlohmann::json();
}

std::string required_text(const nlohmann::ordered_json& document, const char* field) {
  const auto value = document.find(field);
  if (value == document.end() || !value->is_string()) {
    throw std::invalid_argument(std::string("flag document without `") + field + "`: " + document.dump());
  }
  return value->get<std::string>();
}

std::optional<std::string> stored_text(const nlohmann::ordered_json& document, const char* field) {
  const auto value = document.find(field);
  if (value == document.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

std::int64_t required_time(const nlohmann::ordered_json& document, const char* field) {
  const auto instant = plugin::parse_iso_timestamp(required_text(document, field));
  if (!instant) throw std::invalid_argument(std::string("flag document with a bad `") + field + "`: " + document.dump());
  return *instant;
}

std::optional<std::int64_t> stored_time(const nlohmann::ordered_json& document, const char* field) {
  const auto text = stored_text(document, field);
  return text ? plugin::parse_iso_timestamp(*text) : std::nullopt;
}

bool one_of(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

const std::vector<std::string>& flag_statuses() {
  static const std::vector<std::string> statuses{kStatusOpen, kStatusUnderReview, kStatusApproved, kStatusRejected};
  return statuses;
}

const std::vector<std::string>& flag_reasons() {
  static const std::vector<std::string> reasons{"spam", "inappropriate", "harassment", "copyright", "other"};
  return reasons;
}

const std::vector<std::string>& content_types() {
  static const std::vector<std::string> types{"video", "comment"};
  return types;
}

bool is_unresolved(const std::string& status) { return one_of({kStatusOpen, kStatusUnderReview}, status); }

bool is_final(const std::string& status) { return one_of({kStatusApproved, kStatusRejected}, status); }

nlohmann::ordered_json flag_document(const Flag& flag) {
  // Times as ISO text: they sort as they read, and a document carries them without a type tag.
  return {{"_id", flag.flag_id},
          {"contentType", flag.content_type},
          {"contentId", flag.content_id},
          {"reasonCode", flag.reason_code},
          {"reasonText", optional_text(flag.reason_text)},
          {"flaggedReason", flagged_reason(flag)},
          {"userId", flag.reporter_id},
          {"createdAt", plugin::iso_timestamp(flag.created_ms)},
          {"updatedAt", plugin::iso_timestamp(flag.updated_ms)},
          {"status", flag.status},
          {"moderatorId", optional_text(flag.moderator_id)},
          {"moderatorNotes", optional_text(flag.moderator_notes)},
          {"resolvedAt", optional_time(flag.resolved_ms)}};
}

Flag flag_from(const nlohmann::ordered_json& document) {
  Flag flag;
  flag.flag_id = required_text(document, "_id");
  flag.content_type = required_text(document, "contentType");
  flag.content_id = required_text(document, "contentId");
  flag.reason_code = required_text(document, "reasonCode");
  flag.reason_text = stored_text(document, "reasonText");
  flag.reporter_id = required_text(document, "userId");
  flag.created_ms = required_time(document, "createdAt");
  flag.updated_ms = required_time(document, "updatedAt");
  flag.status = required_text(document, "status");
  flag.moderator_id = stored_text(document, "moderatorId");
  flag.moderator_notes = stored_text(document, "moderatorNotes");
  flag.resolved_ms = stored_time(document, "resolvedAt");
  return flag;
}

nlohmann::json flag_json(const Flag& flag) {
  // The stored document is the answer's shape (api-contract §2 Flag) under the document's own id and
  // with the reference's extra column.
  nlohmann::json answer = flag_document(flag);
  answer.erase("_id");
  answer.erase("flaggedReason");
  answer["flagId"] = flag.flag_id;
  return answer;
}

std::string flagged_reason(const Flag& flag) {
  return flag.reason_text ? flag.reason_code + ":" + *flag.reason_text : flag.reason_code;
}

}  // namespace killrvideo::moderation

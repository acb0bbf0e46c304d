#include "QueueCounts.h"

#include <set>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::UpdateOneOptions;

namespace {

constexpr const char* kMonths = "months";
constexpr const char* kDays = "days";

std::string month_document(const std::string& queue, const std::string& month) { return queue + "@" + month; }

BucketCounts positive_counts(const nlohmann::ordered_json& document, const char* field) {
  BucketCounts counts;
  const auto buckets = document.find(field);
  if (buckets == document.end() || !buckets->is_object()) return counts;
  for (const auto& [bucket, count] : buckets->items()) {
    if (count.is_number_integer() && count.get<std::int64_t>() > 0) counts[bucket] = count.get<std::int64_t>();
  }
  return counts;
}

std::string describe(const BucketCounts& counts) {
  std::int64_t total = 0;
  for (const auto& [bucket, count] : counts) total += count;
  return std::to_string(total);
}

}  // namespace

QueueCounts::QueueCounts(plugin::DataClient& data) : counts_(data, kFlagCountsCollection) {}

void QueueCounts::add(const std::string& queue, const std::string& day, std::int64_t delta) const {
  const std::string month = day.substr(0, 7);
  counts_.update_one(Filter().eq("_id", queue), CollectionUpdate().inc(std::string(kMonths) + "." + month, delta),
                     UpdateOneOptions().upsert());
  counts_.update_one(Filter().eq("_id", month_document(queue, month)),
                     CollectionUpdate().inc(std::string(kDays) + "." + day.substr(8, 2), delta), UpdateOneOptions().upsert());
}

BucketCounts QueueCounts::months(const std::string& queue) const { return buckets(queue, kMonths); }

BucketCounts QueueCounts::days(const std::string& queue, const std::string& month) const {
  return buckets(month_document(queue, month), kDays);
}

void QueueCounts::overwrite_all(const std::map<std::string, std::map<std::string, std::int64_t>>& flags_per_day,
                                const std::function<void(const std::string&)>& report) const {
  // Every document stored now is checked too, so a queue that emptied is set back to nothing.
  std::map<std::string, BucketCounts> expected_months;
  std::map<std::string, BucketCounts> expected_days;
  for (const auto& document : counts_.find_all(Filter(), SIZE_MAX).documents) {
    const auto id = document.at("_id").get<std::string>();
    if (document.contains(kMonths)) expected_months[id];
    if (document.contains(kDays)) expected_days[id];
  }
  for (const auto& [queue, days] : flags_per_day) {
    for (const auto& [day, count] : days) {
      expected_months[queue][day.substr(0, 7)] += count;
      expected_days[month_document(queue, day.substr(0, 7))][day.substr(8, 2)] += count;
    }
  }
  for (const auto& [id, counts] : expected_months) overwrite_if_different(id, kMonths, counts, report);
  for (const auto& [id, counts] : expected_days) overwrite_if_different(id, kDays, counts, report);
}

void QueueCounts::overwrite_if_different(const std::string& document_id, const char* field, const BucketCounts& expected,
                                         const std::function<void(const std::string&)>& report) const {
  const BucketCounts stored = buckets(document_id, field);
  if (stored == expected) return;
  nlohmann::ordered_json values = nlohmann::ordered_json::object();
  for (const auto& [bucket, count] : expected) values[bucket] = count;
  counts_.update_one(Filter().eq("_id", document_id), CollectionUpdate().set(field, values), UpdateOneOptions().upsert());
  report(std::string(kFlagCountsCollection) + " " + document_id + ": " + describe(stored) + " -> " + describe(expected));
}

BucketCounts QueueCounts::buckets(const std::string& document_id, const char* field) const {
  const auto document = counts_.find_one(Filter().eq("_id", document_id));
  return document ? positive_counts(*document, field) : BucketCounts{};
}

}  // namespace killrvideo::moderation

#include "FlagQueue.h"

#include <set>
#include <tuple>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

namespace {

std::string day_of(const Flag& flag) { return plugin::utc_day(flag.created_ms); }

std::int64_t total_of(const plugin::data::BucketCounts& counts) {
  std::int64_t total = 0;
  for (const auto& [bucket, count] : counts) total += count;
  return total;
}

// Every flag is listed in "all" and in the queue of its status.
std::vector<std::string> queues_of(const Flag& flag) { return {kAllFlagsQueue, flag.status}; }

Filter primary_key(const nlohmann::ordered_json& row) {
  return Filter()
      .eq("queue", row.at("queue"))
      .eq("day", row.at("day"))
      .eq("created_at", row.at("created_at"))
      .eq("flagid", row.at("flagid"));
}

// A row's identity independent of how the engine spells its timestamp.
std::tuple<std::string, std::string, std::string> identity(const nlohmann::ordered_json& row) {
  return {row.at("queue").get<std::string>(), row.at("day").get<std::string>(), row.at("flagid").get<std::string>()};
}

}  // namespace

FlagQueue::FlagQueue(plugin::DataClient& data) : rows_(data, kFlagQueueTable), counts_(data, kFlagCountsCollection) {}

void FlagQueue::add(const Flag& flag) const {
  for (const auto& queue : queues_of(flag)) {
    rows_.insert_one(row(queue, flag));
    counts_.add(queue, day_of(flag), 1);
  }
}

void FlagQueue::move(const Flag& flag, const std::string& from_status, const std::string& to_status) const {
  if (from_status == to_status) return;
  rows_.delete_one(primary_key(row(from_status, flag)));
  counts_.add(from_status, day_of(flag), -1);
  rows_.insert_one(row(to_status, flag));
  counts_.add(to_status, day_of(flag), 1);
}

QueuePage FlagQueue::page(const std::string& queue, std::int64_t offset, int count) const {
  return counts_.page(queue, offset, count, [&](const std::string& day, std::int64_t skip, int take) {
    return read_day(queue, day, skip, take);
  });
}

void FlagQueue::reconcile(const std::vector<Flag>& flags, const std::function<void(const std::string&)>& report) const {
  std::map<std::tuple<std::string, std::string, std::string>, nlohmann::ordered_json> expected;
  std::map<std::string, std::map<std::string, std::int64_t>> per_day;
  for (const auto& flag : flags) {
    for (const auto& queue : queues_of(flag)) {
      auto expected_row = row(queue, flag);
      expected.emplace(identity(expected_row), std::move(expected_row));
      ++per_day[queue][day_of(flag)];
    }
  }
  std::set<std::tuple<std::string, std::string, std::string>> stored;
  for (const auto& stored_row : rows_.find_all(Filter(), SIZE_MAX).documents) {
    if (expected.count(identity(stored_row)) == 0) {
      rows_.delete_one(primary_key(stored_row));
      report(std::string(kFlagQueueTable) + ": removed stray row of flag " + stored_row.at("flagid").get<std::string>());
    }
    stored.insert(identity(stored_row));
  }
  for (const auto& [key, missing_row] : expected) {
    if (stored.count(key) != 0) continue;
    rows_.insert_one(missing_row);
    report(std::string(kFlagQueueTable) + ": wrote missing row of flag " + std::get<2>(key) + " in " + std::get<0>(key));
  }
  counts_.reconcile(per_day, [&](const std::string& document_id, const plugin::data::BucketCounts& was,
                                 const plugin::data::BucketCounts& is) {
    report(std::string(kFlagCountsCollection) + " " + document_id + ": " + std::to_string(total_of(was)) + " -> " +
           std::to_string(total_of(is)));
  });
}

nlohmann::ordered_json FlagQueue::row(const std::string& queue, const Flag& flag) const {
  return {{"queue", queue},
          {"day", day_of(flag)},
          {"created_at", plugin::iso_timestamp(flag.created_ms)},
          {"flagid", flag.flag_id}};
}

std::vector<std::string> FlagQueue::read_day(const std::string& queue, const std::string& day, std::int64_t skip,
                                             int take) const {
  const auto wanted = static_cast<std::size_t>(skip) + static_cast<std::size_t>(take);
  // One partition in clustering order (newest first); `limit` stops the server after the page's last row.
  const auto rows = rows_.find_all(Filter().eq("queue", queue).eq("day", day), wanted,
                                   FindOptions().projection(Projection::include({"flagid"})).limit(static_cast<int>(wanted)));
  std::vector<std::string> ids;
  for (std::size_t i = static_cast<std::size_t>(skip); i < rows.documents.size(); ++i) {
    ids.push_back(rows.documents[i].at("flagid").get<std::string>());
  }
  return ids;
}

}  // namespace killrvideo::moderation

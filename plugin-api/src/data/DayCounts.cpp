#include "killrvideo/plugin/data/DayCounts.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

namespace killrvideo::plugin::data {

namespace {

constexpr const char* kMonths = "months";
constexpr const char* kDays = "days";

std::string month_document(const std::string& key, const std::string& month) { return key + "@" + month; }

BucketCounts positive_counts(const nlohmann::ordered_json& document, const char* field) {
  BucketCounts counts;
  const auto buckets = document.find(field);
  if (buckets == document.end() || !buckets->is_object()) return counts;
  for (const auto& [bucket, count] : buckets->items()) {
    if (count.is_number_integer() && count.get<std::int64_t>() > 0) counts[bucket] = count.get<std::int64_t>();
  }
  return counts;
}

}  // namespace

DayCounts::DayCounts(DataClient& client, std::string collection) : counts_(client, std::move(collection)) {}

void DayCounts::add(const std::string& key, const std::string& day, std::int64_t delta) const {
  const std::string month = day.substr(0, 7);
  counts_.update_one(Filter().eq("_id", key), CollectionUpdate().inc(std::string(kMonths) + "." + month, delta),
                     UpdateOneOptions().upsert());
  counts_.update_one(Filter().eq("_id", month_document(key, month)),
                     CollectionUpdate().inc(std::string(kDays) + "." + day.substr(8, 2), delta), UpdateOneOptions().upsert());
}

void DayCounts::add_all(const std::map<std::string, std::map<std::string, std::int64_t>>& deltas) const {
  for (const auto& [key, days] : deltas) {
    std::map<std::string, std::int64_t> months;
    std::map<std::string, CollectionUpdate> days_of_month;
    for (const auto& [day, delta] : days) {
      if (delta == 0) continue;
      const std::string month = day.substr(0, 7);
      months[month] += delta;
      days_of_month[month].inc(std::string(kDays) + "." + day.substr(8, 2), delta);
    }
    CollectionUpdate month_moves;
    bool moved = false;
    for (const auto& [month, delta] : months) {
      if (delta == 0) continue;
      month_moves.inc(std::string(kMonths) + "." + month, delta);
      moved = true;
    }
    if (moved) counts_.update_one(Filter().eq("_id", key), month_moves, UpdateOneOptions().upsert());
    for (const auto& [month, update] : days_of_month) {
      counts_.update_one(Filter().eq("_id", month_document(key, month)), update, UpdateOneOptions().upsert());
    }
  }
}

BucketCounts DayCounts::months(const std::string& key) const { return buckets(key, kMonths); }

BucketCounts DayCounts::days(const std::string& key, const std::string& month) const {
  return buckets(month_document(key, month), kDays);
}

CountedPage DayCounts::page(const std::string& key, std::int64_t offset, int count, const ReadDay& read_day) const {
  return page(key, offset, count, read_day, {});
}

CountedPage DayCounts::page(const std::string& key, std::int64_t offset, int count, const ReadDay& read_day,
                            const ReadDays& read_days) const {
  CountedPage result;
  const BucketCounts all_months = months(key);
  for (const auto& [month, rows] : all_months) result.total += rows;
  const auto slices = page_slices(key, all_months, offset, count);
  if (read_days && worth_one_read(slices, count)) {
    std::vector<std::string> days;
    std::int64_t rows = 0;
    for (const auto& slice : slices) {
      days.push_back(slice.day);
      rows += slice.day_rows;
    }
    auto ids_of_day = read_days(days, rows);
    for (const auto& slice : slices) {
      const auto& ids = ids_of_day[slice.day];
      const auto first = std::min(ids.size(), static_cast<std::size_t>(slice.skip));
      const auto last = std::min(ids.size(), static_cast<std::size_t>(slice.skip + slice.take));
      result.ids.insert(result.ids.end(), ids.begin() + first, ids.begin() + last);
    }
    return result;
  }
  for (const auto& slice : slices) {
    const int wanted = count - static_cast<int>(result.ids.size());
    if (wanted <= 0) break;
    for (auto& id : read_day(slice.day, slice.skip, wanted)) result.ids.push_back(std::move(id));
  }
  return result;
}

// Whole months, then whole days, are skipped by their counts; the page's rows lie in the days returned.
std::vector<DayCounts::DaySlice> DayCounts::page_slices(const std::string& key, const BucketCounts& all_months,
                                                        std::int64_t offset, int count) const {
  std::vector<DaySlice> slices;
  std::int64_t skip = offset;
  std::int64_t left = count;
  for (auto month = all_months.rbegin(); month != all_months.rend() && left > 0; ++month) {
    if (skip >= month->second) {
      skip -= month->second;
      continue;
    }
    const BucketCounts month_days = days(key, month->first);
    for (auto day = month_days.rbegin(); day != month_days.rend() && left > 0; ++day) {
      if (skip >= day->second) {
        skip -= day->second;
        continue;
      }
      const auto take = std::min(left, day->second - skip);
      slices.push_back({month->first + "-" + day->first, skip, static_cast<int>(take), day->second});
      left -= take;
      skip = 0;
    }
  }
  return slices;
}

// Day by day, each read brings back the rows before the page in its day and the page's; one read brings back
// the whole days, which may hold at most a page of rows more.
bool DayCounts::worth_one_read(const std::vector<DaySlice>& slices, int count) {
  if (slices.size() < 2) return false;
  std::int64_t whole_days = 0, day_by_day = 0;
  for (const auto& slice : slices) {
    whole_days += slice.day_rows;
    day_by_day += slice.skip + slice.take;
  }
  return whole_days - day_by_day <= count;
}

void DayCounts::reconcile(const std::map<std::string, std::map<std::string, std::int64_t>>& rows_per_day,
                          const Changed& changed) const {
  std::map<std::string, BucketCounts> stored_months, stored_days, expected_months, expected_days;
  // A document tells months from days by its field, not its id: a key may itself hold "@".
  for (const auto& document : counts_.find_all(Filter(), SIZE_MAX).documents) {
    const auto id = document.at("_id").get<std::string>();
    if (document.contains(kMonths)) stored_months[id] = positive_counts(document, kMonths);
    if (document.contains(kDays)) stored_days[id] = positive_counts(document, kDays);
  }
  for (const auto& [key, per_day] : rows_per_day) {
    for (const auto& [day, rows] : per_day) {
      const std::string month = day.substr(0, 7);
      expected_months[key][month] += rows;
      expected_days[month_document(key, month)][day.substr(8, 2)] += rows;
    }
  }
  reconcile_field(kMonths, stored_months, expected_months, changed);
  reconcile_field(kDays, stored_days, expected_days, changed);
}

void DayCounts::reconcile_field(const char* field, const std::map<std::string, BucketCounts>& stored,
                                const std::map<std::string, BucketCounts>& expected, const Changed& changed) const {
  std::set<std::string> ids;
  for (const auto& entry : stored) ids.insert(entry.first);
  for (const auto& entry : expected) ids.insert(entry.first);
  for (const auto& id : ids) {
    const auto was = stored.count(id) != 0 ? stored.at(id) : BucketCounts{};
    const auto is = expected.count(id) != 0 ? expected.at(id) : BucketCounts{};
    if (was == is) continue;
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (const auto& [bucket, rows] : is) values[bucket] = rows;
    counts_.update_one(Filter().eq("_id", id), CollectionUpdate().set(field, values), UpdateOneOptions().upsert());
    changed(id, was, is);
  }
}

BucketCounts DayCounts::buckets(const std::string& document_id, const char* field) const {
  const auto document = counts_.find_one(Filter().eq("_id", document_id));
  return document ? positive_counts(*document, field) : BucketCounts{};
}

}  // namespace killrvideo::plugin::data

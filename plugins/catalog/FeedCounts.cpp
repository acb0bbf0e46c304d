#include "FeedCounts.h"

#include <cstdint>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::UpdateOneOptions;

namespace {

constexpr const char* kMonths = "months";
constexpr const char* kDays = "days";

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

FeedCounts::FeedCounts(plugin::DataClient& data) : counts_(data, kFeedCountsCollection) {}

std::string FeedCounts::month_document(const std::string& feed, const std::string& month) { return feed + "@" + month; }

void FeedCounts::add(const std::string& feed, const std::string& day, std::int64_t delta) const {
  const std::string month = day.substr(0, 7);
  counts_.update_one(Filter().eq("_id", feed), CollectionUpdate().inc(std::string(kMonths) + "." + month, delta),
                     UpdateOneOptions().upsert());
  counts_.update_one(Filter().eq("_id", month_document(feed, month)),
                     CollectionUpdate().inc(std::string(kDays) + "." + day.substr(8, 2), delta), UpdateOneOptions().upsert());
}

BucketCounts FeedCounts::months(const std::string& feed) const { return buckets(feed, kMonths); }

BucketCounts FeedCounts::days(const std::string& feed, const std::string& month) const {
  return buckets(month_document(feed, month), kDays);
}

FeedCounts::Stored FeedCounts::all() const {
  Stored stored;
  for (const auto& document : counts_.find_all(Filter(), SIZE_MAX).documents) {
    const auto id = document.at("_id").get<std::string>();
    // A tag may hold "@": the field tells a feed document from a month document, not the id.
    if (document.contains(kMonths)) stored.months_of_feed[id] = positive_counts(document, kMonths);
    if (document.contains(kDays)) stored.days_of_month_document[id] = positive_counts(document, kDays);
  }
  return stored;
}

void FeedCounts::overwrite_months(const std::string& feed, const BucketCounts& counts) const {
  overwrite(feed, kMonths, counts);
}

void FeedCounts::overwrite_days(const std::string& month_document_id, const BucketCounts& counts) const {
  overwrite(month_document_id, kDays, counts);
}

void FeedCounts::overwrite(const std::string& document_id, const char* field, const BucketCounts& counts) const {
  nlohmann::ordered_json buckets = nlohmann::ordered_json::object();
  for (const auto& [bucket, count] : counts) buckets[bucket] = count;
  counts_.update_one(Filter().eq("_id", document_id), CollectionUpdate().set(field, buckets), UpdateOneOptions().upsert());
}

BucketCounts FeedCounts::buckets(const std::string& document_id, const char* field) const {
  const auto document = counts_.find_one(Filter().eq("_id", document_id));
  return document ? positive_counts(*document, field) : BucketCounts{};
}

}  // namespace killrvideo::catalog

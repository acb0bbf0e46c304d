#include "FeedRepair.h"

#include <set>

#include "CatalogTables.h"

namespace killrvideo::catalog {

namespace {

using DaysOfFeed = std::map<std::string, std::map<std::string, std::int64_t>>;

std::string describe(const BucketCounts& counts) {
  std::string text = "{";
  for (const auto& [bucket, count] : counts) text += (text.size() > 1 ? ", " : "") + bucket + ": " + std::to_string(count);
  return text + "}";
}

// What FeedCounts should hold, from the rows' days: month counts per feed, day counts per month document.
FeedCounts::Stored expected_counts(const DaysOfFeed& days_of_feed) {
  FeedCounts::Stored expected;
  for (const auto& [feed, days] : days_of_feed) {
    for (const auto& [day, count] : days) {
      const std::string month = day.substr(0, 7);
      expected.months_of_feed[feed][month] += count;
      expected.days_of_month_document[FeedCounts::month_document(feed, month)][day.substr(8, 2)] += count;
    }
  }
  return expected;
}

template <class Overwrite>
void correct_each(const std::map<std::string, BucketCounts>& stored, const std::map<std::string, BucketCounts>& expected,
                  const plugin::CorrectionLog& correct, Overwrite overwrite) {
  std::set<std::string> ids;
  for (const auto& entry : stored) ids.insert(entry.first);
  for (const auto& entry : expected) ids.insert(entry.first);
  for (const auto& id : ids) {
    const auto was = stored.count(id) != 0 ? stored.at(id) : BucketCounts{};
    const auto is = expected.count(id) != 0 ? expected.at(id) : BucketCounts{};
    if (was == is) continue;
    overwrite(id, is);
    correct(id + ": " + describe(was) + " -> " + describe(is));
  }
}

}  // namespace

void FeedRepair::register_with(plugin::Registrar& registrar) {
  registrar.recount(kFeedCountsCollection, [this](const plugin::CorrectionLog& correct) { recount(correct); });
}

void FeedRepair::recount(const plugin::CorrectionLog& correct) const {
  // Rows first: a store written before a listing table existed, or left half way by a crash, gets the
  // rows its videos call for; then the counts follow the rows.
  catalog_.feeds.reconcile(catalog_.videos.all_listable(), correct);
  const FeedCounts::Stored stored = catalog_.feeds.counts().all();
  const FeedCounts::Stored expected = expected_counts(catalog_.feeds.count_rows());
  const FeedCounts& counts = catalog_.feeds.counts();
  correct_each(stored.months_of_feed, expected.months_of_feed, correct,
               [&](const std::string& feed, const BucketCounts& is) { counts.overwrite_months(feed, is); });
  correct_each(stored.days_of_month_document, expected.days_of_month_document, correct,
               [&](const std::string& id, const BucketCounts& is) { counts.overwrite_days(id, is); });
}

}  // namespace killrvideo::catalog

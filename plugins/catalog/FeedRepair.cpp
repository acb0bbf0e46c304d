#include "FeedRepair.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

namespace {

std::string describe(const plugin::data::BucketCounts& counts) {
  std::string text = "{";
  for (const auto& [bucket, count] : counts) text += (text.size() > 1 ? ", " : "") + bucket + ": " + std::to_string(count);
  return text + "}";
}

}  // namespace

void FeedRepair::register_with(plugin::Registrar& registrar) {
  registrar.recount(kFeedCountsCollection, [this](const plugin::CorrectionLog& correct) { recount(correct); });
}

void FeedRepair::recount(const plugin::CorrectionLog& correct) const {
  // Rows first: a store written before a listing table existed, or left half way by a crash, gets the
  // rows its videos call for; then the counts follow the rows.
  catalog_.feeds.reconcile(catalog_.videos.all_listable(), correct);
  catalog_.feeds.counts().reconcile(
      catalog_.feeds.count_rows(),
      [&](const std::string& document_id, const plugin::data::BucketCounts& was, const plugin::data::BucketCounts& is) {
        correct(document_id + ": " + describe(was) + " -> " + describe(is));
      });
}

}  // namespace killrvideo::catalog

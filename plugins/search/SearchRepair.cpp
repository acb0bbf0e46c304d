#include "SearchRepair.h"

#include <map>
#include <set>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Table.h"

#include "CatalogTables.h"
#include "SearchTables.h"

namespace killrvideo::search {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;
using plugin::data::Table;
using Row = nlohmann::ordered_json;

namespace {

// Calls `visit` with every row of the table, a page at a time (a repair reads everything by design).
template <class Visit>
void each_row(const Table& table, const std::vector<std::string>& columns, Visit visit) {
  std::string page_state;
  do {
    const auto page = table.find(Filter(), FindOptions().projection(Projection::include(columns)).page_state(page_state));
    for (const auto& row : page.documents) visit(row);
    page_state = page.next_page_state.value_or("");
  } while (!page_state.empty());
}

}  // namespace

void SearchRepair::register_with(plugin::Registrar& registrar) {
  registrar.recount("search_index", [this](const plugin::CorrectionLog& correct) { run(correct); });
}

void SearchRepair::run(const plugin::CorrectionLog& correct) const {
  repair_rows(correct);
  repair_counts(correct);
}

void SearchRepair::repair_rows(const plugin::CorrectionLog& correct) const {
  plugin::DataClient& data = services_.host.data();
  std::set<std::string> catalogued;
  each_row(Table(data, catalog::kVideosTable), {"videoid", "name", "description", "tags", "status"},
           [&](const Row& video) {
             const std::string id = video.at("videoid").get<std::string>();
             catalogued.insert(id);
             if (services_.indexer.sync_with(id, video)) correct(std::string(kVideoTextTable) + " " + id + ": re-indexed");
           });
  std::vector<std::string> orphans;
  each_row(Table(data, kVideoTextTable), {"videoid"}, [&](const Row& row) {
    const std::string id = row.at("videoid").get<std::string>();
    if (catalogued.count(id) == 0) orphans.push_back(id);
  });
  for (const std::string& id : orphans) {
    services_.indexer.sync_with(id, std::nullopt);
    correct(std::string(kVideoTextTable) + " " + id + ": removed, the catalog has no such video");
  }
}

void SearchRepair::repair_counts(const plugin::CorrectionLog& correct) const {
  std::map<std::string, std::int64_t> actual;
  each_row(Table(services_.host.data(), kVideoTextTable), {"videoid", "tags"}, [&](const Row& row) {
    const auto tags = row.find("tags");
    if (tags == row.end() || !tags->is_array()) return;
    for (const auto& tag : *tags) ++actual[tag.get<std::string>()];
  });
  const std::map<std::string, std::int64_t> stored = services_.tags.stored_counts();
  for (const auto& [tag, videos] : actual) {
    const auto found = stored.find(tag);
    const std::int64_t had = found != stored.end() ? found->second : 0;
    if (had != videos) {
      services_.tags.set_count(tag, videos);
      correct(std::string(kTagCountsCollection) + " " + tag + ": " + std::to_string(had) + " -> " + std::to_string(videos));
    }
    services_.tags.write_grams(tag);
  }
  for (const auto& [tag, videos] : stored) {
    if (actual.count(tag) != 0) continue;
    if (videos != 0) {
      services_.tags.set_count(tag, 0);
      correct(std::string(kTagCountsCollection) + " " + tag + ": " + std::to_string(videos) + " -> 0");
    }
    services_.tags.clear_grams(tag);
  }
}

}  // namespace killrvideo::search

#include "TagIndex.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "SearchTables.h"

namespace killrvideo::search {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::FindOneAndUpdateOptions;
using plugin::data::FindOptions;
using plugin::data::Projection;
using plugin::data::ReturnDocument;

namespace {

constexpr std::size_t kLongestGram = 3;
std::int64_t videos_of(const nlohmann::ordered_json& document) {
  const auto videos = document.find("videos");
  return videos != document.end() && videos->is_number_integer() ? videos->get<std::int64_t>() : 0;
}

// The piece a query is looked up by: itself when short, else its first three bytes; every tag containing
// the query contains that piece.
std::string lookup_gram(const std::string& lowered_query) { return lowered_query.substr(0, kLongestGram); }

}  // namespace

std::string lowercase_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> grams_of(const std::string& tag) {
  const std::string lowered = lowercase_ascii(tag);
  std::set<std::string> grams;
  for (std::size_t start = 0; start < lowered.size(); ++start) {
    for (std::size_t length = 1; length <= kLongestGram && start + length <= lowered.size(); ++length) {
      grams.insert(lowered.substr(start, length));
    }
  }
  return {grams.begin(), grams.end()};
}

TagIndex::TagIndex(plugin::DataClient& data) : counts_(data, kTagCountsCollection), grams_(data, kTagGramsTable) {}

void TagIndex::count_in(const std::vector<std::string>& tags) const {
  for (const std::string& tag : tags) {
    const auto counted = counts_.find_one_and_update(
        Filter().eq("_id", tag), CollectionUpdate().inc("videos", 1),
        FindOneAndUpdateOptions().upsert().return_document(ReturnDocument::After));
    if (counted.document && videos_of(*counted.document) == 1) write_grams(tag);
  }
}

void TagIndex::count_out(const std::vector<std::string>& tags) const {
  for (const std::string& tag : tags) {
    counts_.update_one(Filter().eq("_id", tag), CollectionUpdate().inc("videos", -1));
  }
}

void TagIndex::write_grams(const std::string& tag) const {
  std::vector<nlohmann::ordered_json> rows;
  for (const std::string& gram : grams_of(tag)) rows.push_back({{"gram", gram}, {"tag", tag}});
  grams_.insert_many(rows);
}

void TagIndex::clear_grams(const std::string& tag) const {
  for (const std::string& gram : grams_of(tag)) grams_.delete_one(Filter().eq("gram", gram).eq("tag", tag));
}

std::vector<std::string> TagIndex::carried(const std::vector<std::string>& tags) const {
  if (tags.empty()) return {};
  std::vector<nlohmann::ordered_json> ids(tags.begin(), tags.end());
  std::set<std::string> counted;
  const auto documents = counts_.find(Filter().in("_id", ids), FindOptions().limit(static_cast<int>(ids.size()))).documents;
  for (const auto& document : documents) {
    if (videos_of(document) > 0) counted.insert(document.at("_id").get<std::string>());
  }
  std::vector<std::string> kept;
  for (const std::string& tag : tags) {
    if (counted.count(tag) != 0) kept.push_back(tag);
  }
  return kept;
}

std::vector<std::string> TagIndex::suggest(const std::string& query, std::size_t limit) const {
  const std::string lowered = lowercase_ascii(query);
  std::vector<std::string> found;
  if (lowered.empty() || lowered.size() > kMaxSuggestQueryBytes || limit == 0) return found;
  const auto options_for = [&](const std::string& page_state) {
    return FindOptions().projection(Projection::include({"tag"})).page_state(page_state);
  };
  std::string page_state;
  do {
    const auto page = grams_.find(Filter().eq("gram", lookup_gram(lowered)), options_for(page_state));
    std::vector<std::string> candidates;
    for (const auto& row : page.documents) {
      const std::string tag = row.at("tag").get<std::string>();
      if (lowercase_ascii(tag).find(lowered) != std::string::npos) candidates.push_back(tag);
    }
    for (std::string& tag : carried(candidates)) {
      found.push_back(std::move(tag));
      if (found.size() == limit) return found;
    }
    page_state = page.next_page_state.value_or("");
  } while (!page_state.empty());
  return found;
}

std::map<std::string, std::int64_t> TagIndex::stored_counts() const {
  std::map<std::string, std::int64_t> counts;
  for (const auto& document : counts_.find_all(Filter(), std::numeric_limits<std::size_t>::max()).documents) {
    counts[document.at("_id").get<std::string>()] = videos_of(document);
  }
  return counts;
}

void TagIndex::set_count(const std::string& tag, std::int64_t videos) const {
  counts_.update_one(Filter().eq("_id", tag), CollectionUpdate().set("videos", videos),
                     plugin::data::UpdateOneOptions().upsert());
}

}  // namespace killrvideo::search

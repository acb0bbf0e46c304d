#include "CatalogImporters.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>

#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "ContentEmbedding.h"
#include "UtcTime.h"
#include "VideoEvents.h"
#include "VideoJson.h"
#include "YouTubeUrl.h"

namespace killrvideo::catalog {

namespace {

[[noreturn]] void bad_column(const std::string& column, const std::string& value, const std::string& expected) {
  throw std::invalid_argument("column '" + column + "' must be " + expected + ", got '" + value + "'");
}

const std::string& required(const plugin::ImportRow& row, const std::string& column) {
  const auto found = row.find(column);
  if (found == row.end() || found->second.empty()) throw std::invalid_argument("column '" + column + "' is missing");
  return found->second;
}

std::string optional_text(const plugin::ImportRow& row, const std::string& column) {
  const auto found = row.find(column);
  return found == row.end() ? "" : found->second;
}

std::string lowercase_uuid(const plugin::ImportRow& row, const std::string& column) {
  std::string value = required(row, column);
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!plugin::is_canonical_uuid(value)) bad_column(column, row.at(column), "a UUID");
  return value;
}

std::int64_t integer(const plugin::ImportRow& row, const std::string& column) {
  const std::string& text = required(row, column);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) bad_column(column, text, "an integer");
  return value;
}

std::int64_t timestamp(const plugin::ImportRow& row, const std::string& column) {
  const std::string& text = required(row, column);
  try {
    return parse_iso_timestamp(text);
  } catch (const std::invalid_argument&) {
    bad_column(column, text, "an ISO-8601 timestamp");
  }
}

// Copies the non-empty optional text columns of the CSV into the row.
void copy_texts(const plugin::ImportRow& from, Row& to, const std::vector<std::string>& columns) {
  for (const auto& column : columns) {
    const std::string value = optional_text(from, column);
    if (!value.empty()) to[column] = value;
  }
}

// One quoted item of a set literal starting at `pos` (on the opening quote); moves `pos` past it.
std::string quoted_item(const std::string& literal, std::size_t& pos) {
  std::string item;
  for (++pos; pos < literal.size() && literal[pos] != '"'; ++pos) {
    if (literal[pos] == '\\' && pos + 1 < literal.size()) ++pos;
    item += literal[pos];
  }
  if (pos >= literal.size()) throw std::invalid_argument("unterminated tag in set literal " + literal);
  ++pos;
  return item;
}

void skip_spaces(const std::string& text, std::size_t& pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
}

// A column as the listings compare it: absent and null alike, one spelling per instant (a backend may
// drop a zero fraction), a set's elements in order.
Row comparable(const Row& video, const char* column) {
  const auto value = video.find(column);
  if (value == video.end() || value->is_null()) return nullptr;
  if (std::string(column) == "added_date") return iso_timestamp(parse_iso_timestamp(value->get<std::string>()));
  if (!value->is_array()) return *value;
  auto elements = value->get<std::vector<std::string>>();
  std::sort(elements.begin(), elements.end());
  return elements;
}

// Whether two rows of one video sit in the same listing rows with the same copied columns.
bool listed_the_same(const Row& before, const Row& after) {
  for (const char* column : {"added_date", "userid", "tags", "name", "preview_image_location", "content_rating", "category"}) {
    if (comparable(before, column) != comparable(after, column)) return false;
  }
  return true;
}

// Whether a re-import leaves what others copy from the video (VideoEvents.h) as it was.
bool described_the_same(const Row& before, const Row& after) {
  for (const char* column : {"name", "description", "tags", "status"}) {
    if (comparable(before, column) != comparable(after, column)) return false;
  }
  return true;
}

std::string id_of(const Row& video) { return video.at("videoid").get<std::string>(); }

}  // namespace

std::vector<std::string> parse_tag_set(const std::string& literal) {
  if (literal.empty()) return {};
  if (literal.front() != '{' || literal.back() != '}') {
    throw std::invalid_argument("tags must be a set literal like {\"a\",\"b\"}, got '" + literal + "'");
  }
  std::vector<std::string> tags;
  std::size_t pos = 1;
  const std::size_t end = literal.size() - 1;
  skip_spaces(literal, pos);
  while (pos < end) {
    if (literal[pos] != '"') throw std::invalid_argument("tags must be double-quoted in '" + literal + "'");
    tags.push_back(quoted_item(literal, pos));
    skip_spaces(literal, pos);
    if (pos < end && literal[pos] != ',') throw std::invalid_argument("tags must be comma-separated in '" + literal + "'");
    if (pos < end) ++pos;
    skip_spaces(literal, pos);
  }
  return tags;
}

void CatalogImporters::register_with(plugin::Registrar& registrar) {
  registrar.import_batches(kVideosDataset,
                           [this](const std::vector<plugin::ImportRow>& rows) { return import_videos(rows); });
  registrar.import(kPlaybackStatsDataset, [this](const plugin::ImportRow& row) { import_playback_stats(row); });
}

std::vector<std::string> CatalogImporters::import_videos(const std::vector<plugin::ImportRow>& rows) const {
  std::vector<std::string> failures(rows.size());
  std::vector<ParsedVideo> parsed;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    try {
      parsed.push_back(parse_video(rows[i], i));
    } catch (const std::invalid_argument& bad) {
      failures[i] = bad.what();
    }
  }
  embed_all(parsed);
  // A run of distinct ids is stored as if row by row; a repeated id starts a new run, which then finds the
  // row its earlier copy wrote.
  std::vector<ParsedVideo> run;
  std::set<std::string> ids_in_run;
  for (auto& video : parsed) {
    if (!ids_in_run.insert(id_of(video.video)).second) {
      store_run(std::move(run), failures);
      run.clear();
      ids_in_run = {id_of(video.video)};
    }
    run.push_back(std::move(video));
  }
  store_run(std::move(run), failures);
  return failures;
}

CatalogImporters::ParsedVideo CatalogImporters::parse_video(const plugin::ImportRow& row, std::size_t index) {
  const std::string video_id = lowercase_uuid(row, "videoid");
  const std::string user_id = lowercase_uuid(row, "userid");
  const std::string added = iso_timestamp(timestamp(row, "added_date"));
  const std::string& name = required(row, "name");
  const std::string& location = required(row, "location");
  const std::vector<std::string> tags = parse_tag_set(optional_text(row, "tags"));

  Row video = {{"videoid", video_id}, {"userid", user_id}, {"added_date", added}, {"name", name},
               {"location", location}, {"location_type", integer(row, "location_type")},
               {"tags", tags}, {"status", kStatusReady}};
  copy_texts(row, video, {"description", "preview_image_location", "content_rating", "category", "language"});
  if (const auto youtube_id = extract_youtube_id(location)) video["youtube_video_id"] = *youtube_id;
  return {index, std::move(video), content_text(name, optional_text(row, "description"), tags)};
}

void CatalogImporters::embed_all(std::vector<ParsedVideo>& parsed) const {
  if (catalog_.host.embedder().vectorize_service()) {  // the database embeds the text it is given
    for (auto& video : parsed)
      if (!video.content.empty()) video.video["content_features"] = video.content;
    return;
  }
  std::vector<std::string> texts;
  for (const auto& video : parsed) texts.push_back(video.content);
  auto vectors = embed_contents(catalog_.host.embedder(), catalog_.host.log(), texts);
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    if (vectors[i]) parsed[i].video["content_features"] = plugin::data::vector_to_binary_json(*vectors[i]);
  }
}

void CatalogImporters::store_run(std::vector<ParsedVideo> run, std::vector<std::string>& failures) const {
  if (run.empty()) return;
  std::map<std::string, Row> stored;
  for (std::size_t start = 0; start < run.size(); start += kIdsPerLookup) {
    std::vector<std::string> ids;
    for (std::size_t i = start; i < std::min(run.size(), start + kIdsPerLookup); ++i) ids.push_back(id_of(run[i].video));
    for (auto& row : catalog_.videos.find_many(ids)) stored.emplace(id_of(row), std::move(row));
  }
  for (auto& parsed : run) {
    const auto before = stored.find(id_of(parsed.video));
    // Moderation's decision outlives a re-import; no listing takes the video.
    if (before != stored.end() && status_of(before->second) == kStatusRemoved) parsed.video["status"] = kStatusRemoved;
  }
  write_videos(run, failures);

  std::vector<Row> left, placed;
  std::vector<std::pair<const char*, const Row*>> events;
  for (const auto& parsed : run) {
    if (!failures[parsed.row].empty()) continue;
    const auto found = stored.find(id_of(parsed.video));
    const Row* before = found == stored.end() ? nullptr : &found->second;
    if (before && status_of(*before) == kStatusRemoved) continue;
    // A re-run of the same row changes no listing and no count; a changed row moves out of its old places.
    if (!before || !listed_the_same(*before, parsed.video)) {
      if (before) left.push_back(*before);
      placed.push_back(parsed.video);
    }
    if (!before) {
      events.emplace_back(kVideoAddedTopic, &parsed.video);
    } else if (!described_the_same(*before, parsed.video)) {
      events.emplace_back(kVideoUpdatedTopic, &parsed.video);
    }
  }
  catalog_.feeds.apply_all(left, placed);
  for (const auto& [topic, video] : events) publish_video_event(catalog_.host, topic, *video);
}

void CatalogImporters::write_videos(const std::vector<ParsedVideo>& run, std::vector<std::string>& failures) const {
  std::vector<Row> rows;
  for (const auto& parsed : run) rows.push_back(parsed.video);
  if (catalog_.videos.insert_all(rows)) return;
  // Some row was refused: the rows again one by one (each an idempotent upsert) to name the refused ones.
  for (const auto& parsed : run) {
    try {
      catalog_.videos.insert_video(parsed.video);
    } catch (const plugin::data::DataApiError& refused) {
      failures[parsed.row] = refused.what();
    }
  }
}

void CatalogImporters::import_playback_stats(const plugin::ImportRow& row) const {
  catalog_.stats.set_views(lowercase_uuid(row, "videoid"), integer(row, "views"));
}

}  // namespace killrvideo::catalog

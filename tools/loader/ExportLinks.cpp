#include "tools/loader/ExportLinks.h"

#include <algorithm>
#include <optional>
#include <set>

#include "tools/loader/CsvFileSource.h"

namespace killrvideo::loader {

namespace {

constexpr const char* kVideosFile = "videos_cleaned.csv";
constexpr const char* kStatsFile = "video_playback_stats.csv";
constexpr const char* kLatestFile = "latest_videos.csv";
constexpr const char* kUsersFile = "users.csv";

using Rows = std::vector<SourcedRow>;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A column of a row, lower-cased for keys; empty for a malformed row, which keeps its place in the file.
std::string key(const SourcedRow& row, const std::string& column) {
  const auto found = row.values.find(column);
  return found == row.values.end() ? "" : lower(found->second);
}

std::string text(const SourcedRow& row, const std::string& column) {
  const auto found = row.values.find(column);
  return found == row.values.end() ? "" : found->second;
}

std::optional<Rows> rows_of(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return std::nullopt;
  CsvFileSource source(file);
  Rows rows;
  while (auto row = source.next()) rows.push_back(std::move(*row));
  return rows;
}

std::map<std::string, std::size_t> positions(const Rows& rows, const std::string& column) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rows.size(); ++i) at.emplace(key(rows[i], column), i);
  return at;
}

// Why latest_videos.csv contradicts pairing the two files row by row; empty when it agrees.
std::string contradiction(const Rows& videos, const Rows& stats, const Rows& latest) {
  const auto stats_row = positions(stats, "videoid");
  for (const auto& row : latest) {
    const auto at = stats_row.find(key(row, "videoid"));
    if (at == stats_row.end()) {
      return row.location + " names video " + key(row, "videoid") + ", which " + kStatsFile + " does not list";
    }
    const auto& video = videos[at->second];
    if (text(video, "name") != text(row, "name") || text(video, "added_date") != text(row, "added_date")) {
      return row.location + " names video " + key(row, "videoid") + " '" + text(row, "name") + "', but the same row of " +
             kVideosFile + " is '" + text(video, "name") + "' (" + video.location + ")";
    }
  }
  return "";
}

}  // namespace

ExportLinks ExportLinks::read(const std::filesystem::path& dir) {
  ExportLinks links;
  const auto videos = rows_of(dir / kVideosFile);
  if (!videos) return links;
  const auto stats = rows_of(dir / kStatsFile);
  const auto latest = rows_of(dir / kLatestFile);
  const auto users = rows_of(dir / kUsersFile);
  const std::string subject = std::string(kVideosFile) + ": ";

  // Video ids, row by row.
  bool paired = false;
  if (!stats) {
    links.notes_.push_back(subject + "video ids kept: no " + kStatsFile + " to take them from");
  } else if (stats->size() != videos->size()) {
    links.notes_.push_back(subject + "video ids kept: " + kStatsFile + " has " + std::to_string(stats->size()) +
                           " rows, " + kVideosFile + " " + std::to_string(videos->size()));
  } else if (const std::string why = latest ? contradiction(*videos, *stats, *latest) : ""; !why.empty()) {
    links.notes_.push_back(subject + "video ids kept: " + why);
  } else {
    for (std::size_t i = 0; i < videos->size(); ++i) {
      const std::string from = key((*videos)[i], "videoid");
      const std::string to = key((*stats)[i], "videoid");
      if (!from.empty() && !to.empty()) links.video_ids_[from] = to;
    }
    paired = true;
    links.notes_.push_back(subject + "video ids taken from " + kStatsFile + " row by row (" +
                           (latest ? std::string(kLatestFile) + " agrees on all " + std::to_string(latest->size()) +
                                         " of its videos)"
                                   : "unchecked: no " + std::string(kLatestFile) + ")"));
  }

  // Uploaders.
  if (!users) {
    links.notes_.push_back(subject + "uploaders kept: no " + kUsersFile + " to match them with");
    return links;
  }
  std::set<std::string> user_ids;
  for (const auto& row : *users) user_ids.insert(key(row, "userid"));
  std::vector<std::string> missing;  // uploaders who are not users, in the order of their first video
  for (const auto& row : *videos) {
    const std::string uploader = key(row, "userid");
    if (!uploader.empty() && !user_ids.count(uploader) &&
        std::find(missing.begin(), missing.end(), uploader) == missing.end()) {
      missing.push_back(uploader);
    }
  }
  if (missing.empty()) return links;

  std::map<std::string, std::string> named;  // by latest_videos.csv
  std::set<std::string> contested;           // named as two different users: trusted for neither
  if (paired && latest) {
    const auto stats_row = positions(*stats, "videoid");
    for (const auto& row : *latest) {
      const std::string uploader = key((*videos)[stats_row.at(key(row, "videoid"))], "userid");
      const std::string user = key(row, "userid");
      if (user_ids.count(uploader) || !user_ids.count(user)) continue;
      const auto [entry, added] = named.emplace(uploader, user);
      if (!added && entry->second != user) contested.insert(uploader);
    }
    for (const auto& uploader : contested) named.erase(uploader);
  }
  std::set<std::string> taken;  // users who already are an uploader
  for (const auto& row : *videos) {
    if (user_ids.count(key(row, "userid"))) taken.insert(key(row, "userid"));
  }
  for (const auto& [uploader, user] : named) taken.insert(user);
  std::size_t given = 0;
  std::size_t next_user = 0;
  for (const auto& uploader : missing) {
    if (named.count(uploader)) continue;
    while (next_user < users->size() && taken.count(key((*users)[next_user], "userid"))) ++next_user;
    if (next_user == users->size()) break;
    const std::string user = key((*users)[next_user++], "userid");
    links.uploader_ids_[uploader] = user;
    taken.insert(user);
    ++given;
  }
  links.uploader_ids_.insert(named.begin(), named.end());
  std::string line = subject + "uploaders: " + std::to_string(named.size()) + " named by " + kLatestFile + ", " +
                     std::to_string(given) + " more matched, in the order of their first video, with the " + kUsersFile + " users who have no upload";
  const std::size_t left = missing.size() - named.size() - given;
  if (left > 0) line += "; " + std::to_string(left) + " kept: " + kUsersFile + " has no more users";
  if (!contested.empty()) {
    line += " (" + std::to_string(contested.size()) + " named as two different users by " + kLatestFile + ")";
  }
  links.notes_.push_back(line);
  return links;
}

void ExportLinks::relink_video(plugin::ImportRow& row) const {
  for (const auto& [column, links] : {std::pair{"videoid", &video_ids_}, std::pair{"userid", &uploader_ids_}}) {
    const auto value = row.find(column);
    if (value == row.end()) continue;
    const auto linked = links->find(lower(value->second));
    if (linked != links->end()) value->second = linked->second;
  }
}

}  // namespace killrvideo::loader

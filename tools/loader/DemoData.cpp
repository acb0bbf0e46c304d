#include "tools/loader/DemoData.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include <openssl/evp.h>

namespace killrvideo::loader {

namespace {

struct DemoUser {
  const char* userid;
  const char* email;
  const char* firstname;
  const char* lastname;
};

struct DemoVideo {
  const char* videoid;
  const char* youtube_id;  // synthetic: the demo points at no real upload
  const char* name;
  const char* description;
  const char* tags;  // the export's set literal
  const char* category;
  int uploader;  // index into kUsers
};

constexpr DemoUser kUsers[] = {
    {"de70de70-0000-4000-8000-000000000001", "ada@example.com", "Ada", "Okafor"},
    {"de70de70-0000-4000-8000-000000000002", "grace@example.com", "Grace", "Lindqvist"},
    {"de70de70-0000-4000-8000-000000000003", "tomas@example.com", "Tomás", "Herrera"},
};

constexpr DemoVideo kVideos[] = {
    {"de70de70-0000-4000-8001-000000000001", "kvDemoVid01", "Data Modeling in Cassandra: Start From Your Queries",
     "Why a Cassandra schema begins with the questions the application asks. We take a video site, list its "
     "queries, and derive one table per query, with partition keys that spread the load.",
     R"({"cassandra","data_modeling","tutorial"})", "Tutorial", 0},
    {"de70de70-0000-4000-8001-000000000002", "kvDemoVid02", "Partition Keys, Clustering Columns and Why Order Matters",
     "A whiteboard walk through primary keys: how the partition key picks the node, how clustering columns sort "
     "rows inside a partition, and how to page through \"latest first\" without scanning.",
     R"({"cassandra","data_modeling","cql"})", "Education", 1},
    {"de70de70-0000-4000-8001-000000000003", "kvDemoVid03", "Vector Search on Astra DB in Ten Minutes",
     "Store embeddings next to your rows, create a vector index, and ask for the nearest neighbours of a "
     "question — all from the Data API, with no separate vector store to run.",
     R"({"astra","vector","search","getting_started"})", "Demo", 2},
    {"de70de70-0000-4000-8001-000000000004", "kvDemoVid04", "Counters, Lightweight Transactions and Their Costs",
     "Counters count, lightweight transactions compare and set; both have a price in latency. We measure them "
     "and show when a plain upsert does the job instead.",
     R"({"cassandra","performance","cql"})", "Education", 0},
    {"de70de70-0000-4000-8001-000000000005", "kvDemoVid05", "Building a Video Catalog with the Data API",
     "From an empty keyspace to a catalog that lists the latest uploads: tables, secondary indexes on tags, "
     "and paging with page states, step by step.",
     R"({"astra","tutorial","database"})", "Tutorial", 1},
    {"de70de70-0000-4000-8001-000000000006", "kvDemoVid06", "Scaling Reads: Replication Factor and Consistency Levels",
     "RF=3, QUORUM, LOCAL_ONE: what each setting promises, what it costs when a node is down, and how to "
     "choose per query rather than per cluster.",
     R"({"cassandra","architecture","scalable","distributed"})", "Conference", 2},
    {"de70de70-0000-4000-8001-000000000007", "kvDemoVid07", "Storage-Attached Indexes Explained",
     "SAI lets you filter on columns outside the primary key. We look at how the index lives beside each "
     "SSTable, which queries it serves well, and which still deserve their own table.",
     R"({"cassandra","search","architecture"})", "Education", 0},
    {"de70de70-0000-4000-8001-000000000008", "kvDemoVid08", "Live Workshop: Your First Astra DB Application",
     "A hands-on session: create a database, load sample data, and serve it from a small REST backend. "
     "Bring a laptop; everything runs in the browser or on your machine.",
     R"({"astra","workshop","getting_started"})", "Conference", 1},
    {"de70de70-0000-4000-8001-000000000009", "kvDemoVid09", "Time Series Done Right: Bucketing by Day",
     "Sensor readings, activity feeds, view logs: bound each partition by a time bucket so it never grows "
     "without limit, and read the last hour without touching last year.",
     R"({"cassandra","data_modeling","performance"})", "Tutorial", 2},
    {"de70de70-0000-4000-8001-000000000010", "kvDemoVid10", "Recommendations from Embeddings, Not Just Tags",
     "Tags say what a video is about; embeddings say what it is like. We blend both to suggest what to watch "
     "next, and compare the results side by side.",
     R"({"vector","search","demo"})", "Demo", 0},
    {"de70de70-0000-4000-8001-000000000011", "kvDemoVid11", "Compaction Strategies Compared",
     "Size-tiered, leveled, time-window and unified compaction: how each one trades write amplification for "
     "read latency, with graphs from a week-long test.",
     R"({"cassandra","performance","talk"})", "Conference", 1},
    {"de70de70-0000-4000-8001-000000000012", "kvDemoVid12", "Moderating User Content at Scale",
     "Flags, review queues and audit trails for a community site: the tables behind them and the access rules "
     "that keep moderators — and only moderators — in charge.",
     R"({"architecture","demo","database"})", "Demo", 2},
};

// Uploads are this far apart, newest first, so /videos/latest shows them over the last few days.
constexpr std::chrono::hours kUploadSpacing{7};

std::string iso_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
  return text;
}

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available");
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

std::chrono::system_clock::time_point upload_time(std::size_t index, std::chrono::system_clock::time_point now) {
  return now - kUploadSpacing * static_cast<int>(index + 1);
}

DemoDataSet users(std::chrono::system_clock::time_point now) {
  DemoDataSet set{"users", {}};
  const std::string joined = iso_timestamp(upload_time(std::size(kVideos), now));
  for (const auto& user : kUsers) {
    set.rows.push_back({{"userid", user.userid}, {"created_date", joined}, {"email", user.email},
                        {"firstname", user.firstname}, {"lastname", user.lastname}, {"account_status", "active"},
                        {"last_login_date", ""}});  // never signed in
  }
  return set;
}

DemoDataSet credentials() {
  DemoDataSet set{"user_credentials", {}};
  const std::string digest = sha256_hex(kDemoPassword);
  for (const auto& user : kUsers) {
    set.rows.push_back({{"email", user.email}, {"password", digest}, {"userid", user.userid},
                        {"account_locked", "false"}});
  }
  return set;
}

DemoDataSet videos(std::chrono::system_clock::time_point now) {
  DemoDataSet set{"videos", {}};
  for (std::size_t i = 0; i < std::size(kVideos); ++i) {
    const auto& video = kVideos[i];
    const std::string youtube_id = video.youtube_id;
    set.rows.push_back({{"videoid", video.videoid},
                        {"added_date", iso_timestamp(upload_time(i, now))},
                        {"description", video.description},
                        {"location", "https://www.youtube.com/embed/" + youtube_id},
                        {"location_type", "1"},
                        {"name", video.name},
                        {"preview_image_location", "https://i.ytimg.com/vi/" + youtube_id + "/maxresdefault.jpg"},
                        {"tags", video.tags},
                        {"userid", kUsers[video.uploader].userid},
                        {"content_rating", "G"},
                        {"category", video.category},
                        {"language", "en"}});
  }
  return set;
}

// Older uploads have been watched more; numbers are made up but consistent (complete ≤ unique ≤ views).
DemoDataSet playback_stats() {
  DemoDataSet set{"video_playback_stats", {}};
  for (std::size_t i = 0; i < std::size(kVideos); ++i) {
    const std::size_t views = 40 + 35 * i + (i * 17) % 23;
    set.rows.push_back({{"videoid", kVideos[i].videoid},
                        {"views", std::to_string(views)},
                        {"total_play_time", std::to_string(views * 240)},
                        {"complete_views", std::to_string(views / 2)},
                        {"unique_viewers", std::to_string(views * 3 / 4)}});
  }
  return set;
}

}  // namespace

std::vector<DemoDataSet> demo_data(std::chrono::system_clock::time_point now) {
  return {users(now), credentials(), videos(now), playback_stats()};
}

}  // namespace killrvideo::loader

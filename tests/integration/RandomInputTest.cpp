// Random input against the real server (accounts and catalog on the embedded engine), for a bounded
// time: paths, query strings and bodies built from the real routes with hostile values in every slot
// (huge numbers, NUL, invalid UTF-8, control bytes, wrong types, broken JSON). No answer may be a 500 or a
// 503 (nothing here is the store's fault), every answer but a 204 (and the metrics text) is JSON, and the
// server keeps answering.
//
// KILLRVIDEO_RANDOM_INPUT_SECONDS sets the duration (default 15, what CI runs); KILLRVIDEO_RANDOM_INPUT_SEED
// replays a run (each failure names its seed and request).

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr const char* kModeratorEmail = "fuzz-mod@example.com";
constexpr const char* kPassword = "random-input-password";
constexpr int kDefaultSeconds = 15;

struct RouteTemplate {
  const char* method;
  const char* path;  // {} marks a parameter slot
};

// Every route of the accounts and catalog plugins, and the host's own.
const std::vector<RouteTemplate>& routes() {
  static const std::vector<RouteTemplate> all = {
      {"GET", "/"},
      {"GET", "/metrics"},
      {"POST", "/api/v1/users/register"},
      {"POST", "/api/v1/users/login"},
      {"GET", "/api/v1/users/me"},
      {"PUT", "/api/v1/users/me"},
      {"GET", "/api/v1/users/{}"},
      {"GET", "/api/v1/users/{}/activity"},
      {"GET", "/api/v1/moderation/users"},
      {"POST", "/api/v1/moderation/users/{}/assign-moderator"},
      {"POST", "/api/v1/moderation/users/{}/revoke-moderator"},
      {"POST", "/api/v1/moderation/videos/{}/restore"},
      {"POST", "/api/v1/videos"},
      {"POST", "/api/v1/videos/preview"},
      {"GET", "/api/v1/videos/latest"},
      {"GET", "/api/v1/videos/trending"},
      {"GET", "/api/v1/videos/by-tag/{}"},
      {"GET", "/api/v1/videos/by-uploader/{}"},
      {"GET", "/api/v1/videos/id/{}"},
      {"PUT", "/api/v1/videos/id/{}"},
      {"GET", "/api/v1/videos/id/{}/status"},
      {"POST", "/api/v1/videos/id/{}/view"},
  };
  return all;
}

const std::vector<std::string> kMethods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
const std::vector<std::string> kFields = {"email", "password", "firstName", "lastName", "youtubeUrl", "name",
                                          "description", "tags", "location", "status", "rating", "text",
                                          "page", "pageSize", "q", "activity_type", "userId", "videoId"};
const std::vector<std::string> kHostileTexts = {
    "", "0", "-1", "1e999", "-1e999", std::string(400, '9'), "18446744073709551616", "NaN", "null",
    std::string("a\0b", 3), "\xff\xfe", "\xc3\x28", "\xed\xa0\x80", "\x1b[31m\r\n", "../../etc/passwd",
    "' OR 1=1 --", "{\"$gt\":\"\"}", std::string(5000, 'x'), "\xf0\x9f\x8e\xac", "00000000-0000-0000-0000-000000000000",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "mod@example.com", "MOD@EXAMPLE.COM"};

class RandomRequests {
 public:
  RandomRequests(std::uint32_t seed, std::string known_user_id) : random_(seed), known_user_id_(std::move(known_user_id)) {}

  std::string method_for(const RouteTemplate& route) { return chance(85) ? route.method : pick(kMethods); }

  std::string path_for(const RouteTemplate& route) {
    std::string path;
    for (const char* c = route.path; *c != '\0'; ++c) {
      if (c[0] == '{' && c[1] == '}') {
        path += percent_encoded(slot_value());
        ++c;
      } else {
        path += *c;
      }
    }
    if (chance(5)) path += "/";
    return path;
  }

  std::string query() {
    std::string text;
    const int count = below(4);
    for (int i = 0; i < count; ++i) {
      text += (i == 0 ? "?" : "&") + percent_encoded(chance(80) ? pick(kFields) : hostile_text()) + "=" +
              percent_encoded(chance(30) ? std::to_string(below(200) - 50) : hostile_text());
    }
    return text;
  }

  std::string body() {
    // Bytes that are not UTF-8 reach bodies through random_bytes and mutated; a dump would refuse them.
    const std::string valid = object().dump(-1, ' ', false, json::error_handler_t::replace);
    switch (below(6)) {
      case 0: return "";
      case 1: return random_bytes(below(64));
      case 2: return mutated(valid);
      default: return valid;
    }
  }

  bool chance(int percent) { return below(100) < percent; }
  int below(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random_); }

 private:
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

  std::string hostile_text() { return chance(70) ? pick(kHostileTexts) : random_bytes(below(24)); }

  std::string slot_value() {
    if (chance(30)) return known_user_id_;
    if (chance(20)) return "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";
    return hostile_text();
  }

  std::string random_bytes(int count) {
    std::string bytes;
    for (int i = 0; i < count; ++i) bytes += static_cast<char>(below(256));
    return bytes;
  }

  json value(int depth) {
    switch (below(depth > 2 ? 6 : 8)) {
      case 0: return nullptr;
      case 1: return chance(50);
      case 2: return below(2000) - 1000;
      case 3: return std::uniform_real_distribution<double>(-1e300, 1e300)(random_);
      case 4:
      case 5: return hostile_text();
      case 6: {
        json items = json::array();
        for (int i = below(4); i > 0; --i) items.push_back(value(depth + 1));
        return items;
      }
      default: return object(depth + 1);
    }
  }

  json object(int depth = 0) {
    json fields = json::object();
    for (int i = below(6); i > 0; --i) fields[chance(90) ? pick(kFields) : hostile_text()] = value(depth);
    return fields;
  }

  // Valid JSON made invalid or strange: a byte changed, the end cut off, a huge number spliced in.
  std::string mutated(std::string text) {
    if (text.empty()) return text;
    const auto at = static_cast<std::size_t>(below(static_cast<int>(text.size())));
    switch (below(4)) {
      case 0: text[at] = static_cast<char>(below(256)); break;
      case 1: text.resize(at); break;
      case 2: text.insert(at, chance(50) ? "1e999" : std::string(400, '7')); break;
      default: text.insert(at, "\xff"); break;
    }
    return text;
  }

  static std::string percent_encoded(const std::string& raw) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : raw) {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) || byte == '-' || byte == '_' || byte == '.' || byte == '~') {
        encoded += c;
      } else {
        encoded += '%';
        encoded += kHex[byte >> 4];
        encoded += kHex[byte & 0x0F];
      }
    }
    return encoded;
  }

  std::mt19937 random_;
  std::string known_user_id_;
};

int configured_seconds() {
  const char* text = std::getenv("KILLRVIDEO_RANDOM_INPUT_SECONDS");
  return text != nullptr ? std::atoi(text) : kDefaultSeconds;
}

std::uint32_t configured_seed() {
  const char* text = std::getenv("KILLRVIDEO_RANDOM_INPUT_SEED");
  return text != nullptr ? static_cast<std::uint32_t>(std::strtoul(text, nullptr, 10)) : std::random_device{}();
}

bool is_json(const std::string& body) { return json::accept(body); }

TEST(RandomInputTest, NoRandomRequestGetsA500OrA503OrANonJsonAnswer) {
  const ServerProcess server(test_config("  - { name: accounts }\n  - { name: catalog }\n", "",
                                         std::string("moderators: [") + kModeratorEmail + "]",
                                         "database:\n  backend: embedded\n  embedded: { data_dir: ./data }\n"));
  HttpClient client(server.base_url());
  const json account = {{"firstName", "Fuzz"}, {"lastName", "Mod"}, {"email", kModeratorEmail}, {"password", kPassword}};
  const auto registered = client.post("/api/v1/users/register", account.dump());
  ASSERT_EQ(registered.status, 201) << registered.body;
  const auto login = client.post("/api/v1/users/login", json({{"email", kModeratorEmail}, {"password", kPassword}}).dump());
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = "Authorization: Bearer " + login.json()["token"].get<std::string>();

  const std::uint32_t seed = configured_seed();
  RandomRequests random(seed, registered.json()["userId"]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(configured_seconds());
  int sent = 0;
  std::chrono::steady_clock::duration slowest{};
  std::string slowest_request;
  while (std::chrono::steady_clock::now() < deadline) {
    const RouteTemplate& route = routes()[static_cast<std::size_t>(random.below(static_cast<int>(routes().size())))];
    const std::string method = random.method_for(route);
    const std::string target = random.path_for(route) + random.query();
    const std::string body = random.body();
    std::vector<std::string> headers = {"Content-Type: application/json"};
    if (random.chance(60)) headers.push_back(token);
    ++sent;
    const std::string replay = "seed " + std::to_string(seed) + ", request " + std::to_string(sent) + ": " + method +
                               " " + target + " body " + json(body).dump(-1, ' ', true, json::error_handler_t::replace);
    HttpResponse response;
    const auto sent_at = std::chrono::steady_clock::now();
    try {
      response = client.request(method, target, body, headers);
    } catch (const std::exception& e) {
      FAIL() << "no answer (" << e.what() << "): " << replay;
    }
    const auto took = std::chrono::steady_clock::now() - sent_at;
    if (took > slowest) {
      slowest = took;
      slowest_request = replay;
    }
    ASSERT_NE(response.status, 500) << replay << "\n" << response.body;
    ASSERT_NE(response.status, 503) << replay << "\n" << response.body;
    // Prometheus metrics are the one answer that is text by design.
    const bool metrics = response.status == 200 && target.rfind("/metrics", 0) == 0;
    if (response.status != 204 && method != "HEAD" && !metrics) {
      ASSERT_TRUE(is_json(response.body)) << replay << "\n" << response.status << " " << response.body;
    }
  }
  EXPECT_EQ(client.get("/").status, 200) << "the server still answers after " << sent << " random requests";
  RecordProperty("random_requests", sent);
  std::cout << "random-input: " << sent << " requests, seed " << seed << "; slowest "
            << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count() << " ms: " << slowest_request.substr(0, 300)
            << "\n";
}

}  // namespace
}  // namespace killrvideo::testing

#pragma once
// Data API response envelopes a test queues in FakeDataClient, in the shapes the engine answers
// (tests/parity/fixtures).

#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::accounts::testing {

inline nlohmann::ordered_json found_one(nlohmann::ordered_json document) {
  return {{"data", {{"document", std::move(document)}}}};
}

inline nlohmann::ordered_json found_none() { return {{"data", {{"document", nullptr}}}}; }

inline nlohmann::ordered_json found_rows(std::vector<nlohmann::ordered_json> rows, nlohmann::ordered_json next = nullptr) {
  return {{"data", {{"documents", std::move(rows)}, {"nextPageState", std::move(next)}}}};
}

inline nlohmann::ordered_json inserted(nlohmann::ordered_json key) {
  return {{"status", {{"insertedIds", nlohmann::ordered_json::array({nlohmann::ordered_json::array({std::move(key)})})}}}};
}

inline nlohmann::ordered_json updated() { return {{"status", {{"matchedCount", 1}, {"modifiedCount", 1}}}}; }

inline nlohmann::ordered_json deleted(int count) { return {{"status", {{"deletedCount", count}}}}; }

// A collection insertOne of an `_id` that exists.
inline nlohmann::ordered_json document_exists() {
  return {{"errors",
           {{{"family", "REQUEST"}, {"scope", "DOCUMENT"}, {"errorCode", "DOCUMENT_ALREADY_EXISTS"},
             {"title", "Document already exists with the given _id"}, {"message", "refused for the test"}}}}};
}

// A command the server refused (not an outage): the route answers 500, the activity read skips it.
inline nlohmann::ordered_json refused() {
  return {{"errors",
           {{{"family", "REQUEST"}, {"scope", "FILTER"}, {"errorCode", "INVALID_FILTER_EXPRESSION"},
             {"title", "bad filter"}, {"message", "refused for the test"}}}}};
}

}  // namespace killrvideo::accounts::testing

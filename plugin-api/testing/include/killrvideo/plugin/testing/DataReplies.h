#pragma once
// Data API response envelopes (data-api-wire §1.5) in the shapes the host's backends answer, one builder
// per command a plugin sends through plugin::data (Table, Collection, the schema commands), for tests that
// queue them in FakeDataClient:
//
//   host.data().queue_response(replies::found_one({{"video_id", id}, {"title", "A"}}));  // findOne
//   host.data().queue_response(replies::inserted_row({id}));                             // table insertOne
//
// A test that wants the real semantics of a store instead runs the plugin on EngineBackedHost.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::plugin::testing::replies {

using Json = nlohmann::ordered_json;

// findOne, and findOneAndUpdate's document part: the document or row.
inline Json found_one(Json document) { return {{"data", {{"document", std::move(document)}}}}; }
// findOne / findOneAndUpdate without a match.
inline Json found_none() { return {{"data", {{"document", nullptr}}}}; }
// find: one page; `next_page_state` null at the end (it is always present).
inline Json found(std::vector<Json> documents, Json next_page_state = nullptr) {
  return {{"data", {{"documents", std::move(documents)}, {"nextPageState", std::move(next_page_state)}}}};
}

// Table insertOne / insertMany: one array of primary-key values per row inserted.
inline Json inserted_rows(std::vector<std::vector<Json>> primary_keys) {
  Json ids = Json::array();
  for (auto& key : primary_keys) ids.push_back(Json(std::move(key)));
  return {{"status", {{"insertedIds", std::move(ids)}}}};
}
inline Json inserted_row(std::vector<Json> primary_key) { return inserted_rows({std::move(primary_key)}); }
// Collection insertOne / insertMany: the documents' `_id`s.
inline Json inserted_documents(std::vector<Json> ids) { return {{"status", {{"insertedIds", Json(std::move(ids))}}}}; }
inline Json inserted_document(Json id) { return inserted_documents({std::move(id)}); }

// updateOne / updateMany. Tables always answer 1 and 1; a collection upsert adds the new `_id`.
inline Json updated(std::int64_t matched = 1, std::int64_t modified = 1) {
  return {{"status", {{"matchedCount", matched}, {"modifiedCount", modified}}}};
}
inline Json upserted(Json id) { return {{"status", {{"matchedCount", 0}, {"modifiedCount", 0}, {"upsertedId", std::move(id)}}}}; }
// findOneAndUpdate: the document (before or after, as the command asked) and the counts.
inline Json found_and_updated(Json document, std::int64_t matched = 1, std::int64_t modified = 1) {
  Json reply = found_one(std::move(document));
  reply["status"] = {{"matchedCount", matched}, {"modifiedCount", modified}};
  return reply;
}

// deleteOne / deleteMany on a collection. Tables always answer -1: use table_deleted().
inline Json deleted(std::int64_t count) { return {{"status", {{"deletedCount", count}}}}; }
inline Json table_deleted() { return deleted(-1); }
// A collection's deleteMany or countDocuments that hit the server's cap: call again for the rest.
inline Json deleted_more(std::int64_t count) { return {{"status", {{"deletedCount", count}, {"moreData", true}}}}; }

// countDocuments and estimatedDocumentCount.
inline Json counted(std::int64_t count) { return {{"status", {{"count", count}}}}; }
inline Json counted_more(std::int64_t count) { return {{"status", {{"count", count}, {"moreData", true}}}}; }

// createTable, createCollection, createIndex, createVectorIndex, drop*: DDL success.
inline Json schema_ok() { return {{"status", {{"ok", 1}}}}; }

// A command the server refused: `error_code` as the Data API spells it (DOCUMENT_ALREADY_EXISTS,
// INVALID_FILTER_EXPRESSION, …). plugin::data throws it as a DataApiError.
inline Json refused(std::string error_code, std::string message = "refused by the test",
                    std::string family = "REQUEST", std::string scope = "") {
  return {{"errors",
           {{{"family", std::move(family)}, {"scope", std::move(scope)}, {"errorCode", std::move(error_code)},
             {"title", "refused"}, {"message", std::move(message)}}}}};
}
// A collection insertOne of an `_id` that exists (how a plugin claims a unique key).
inline Json document_already_exists() {
  return refused("DOCUMENT_ALREADY_EXISTS", "Document already exists with the given _id", "REQUEST", "DOCUMENT");
}
// What the host's data client answers when the database cannot be reached.
inline Json unavailable() { return refused("UNAVAILABLE_DATABASE", "the database is unreachable", "SERVER", "DATABASE"); }

}  // namespace killrvideo::plugin::testing::replies

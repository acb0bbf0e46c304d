#include "killrvideo/plugin/data/Collection.h"

#include <algorithm>

#include "DocumentCommands.h"
#include "ResponseReading.h"

namespace killrvideo::plugin::data {

namespace {

nlohmann::ordered_json update_body(const Filter& filter, const CollectionUpdate& update) {
  nlohmann::ordered_json body = detail::filter_body(filter);
  body["update"] = update.to_json();
  return body;
}

bool more_data(const nlohmann::ordered_json& response) { return detail::status_of(response).value("moreData", false); }

}  // namespace

Collection::Collection(DataClient& client, std::string name) : client_(client), name_(std::move(name)) {}

nlohmann::ordered_json Collection::insert_one(const nlohmann::ordered_json& document) const {
  return detail::insert_one(client_, name_, document);
}

InsertManyResult Collection::insert_many(const std::vector<nlohmann::ordered_json>& documents, Ordering ordering) const {
  return detail::insert_many(client_, name_, documents, ordering);
}

FindResult Collection::find(const Filter& filter, const FindOptions& options) const {
  return detail::find(client_, name_, filter, options);
}

FindAllResult Collection::find_all(const Filter& filter, std::size_t max_documents, const FindOptions& options) const {
  return detail::find_all(client_, name_, filter, max_documents, options);
}

std::optional<nlohmann::ordered_json> Collection::find_one(const Filter& filter, const FindOneOptions& options) const {
  return detail::find_one(client_, name_, filter, options);
}

UpdateResult Collection::update_one(const Filter& filter, const CollectionUpdate& update,
                                    const UpdateOneOptions& options) const {
  nlohmann::ordered_json body = update_body(filter, update);
  options.write_to(body);
  const nlohmann::ordered_json response = detail::run(client_, name_, "updateOne", std::move(body));
  return UpdateResult{detail::status_integer(response, "matchedCount"),
                      detail::status_integer(response, "modifiedCount"), detail::upserted_id_of(response)};
}

FindOneAndUpdateResult Collection::find_one_and_update(const Filter& filter, const CollectionUpdate& update,
                                                       const FindOneAndUpdateOptions& options) const {
  nlohmann::ordered_json body = update_body(filter, update);
  options.write_to(body);
  const nlohmann::ordered_json response = detail::run(client_, name_, "findOneAndUpdate", std::move(body));
  return FindOneAndUpdateResult{detail::read_document(response), detail::status_integer(response, "matchedCount"),
                                detail::status_integer(response, "modifiedCount"), detail::upserted_id_of(response)};
}

std::int64_t Collection::delete_one(const Filter& filter) const {
  const nlohmann::ordered_json response = detail::run(client_, name_, "deleteOne", detail::filter_body(filter));
  return detail::status_integer(response, "deletedCount");
}

std::int64_t Collection::delete_many(const Filter& filter) const {
  std::int64_t deleted = 0;
  for (;;) {
    const nlohmann::ordered_json response = detail::run(client_, name_, "deleteMany", detail::filter_body(filter));
    const std::int64_t deleted_now = detail::status_integer(response, "deletedCount");
    if (deleted_now < 0) return deleted_now;  // a truncate does not count
    deleted += deleted_now;
    // Nothing deleted yet more reported: resending could loop forever.
    if (!more_data(response) || deleted_now == 0) return deleted;
  }
}

CountResult Collection::count_documents(const Filter& filter, std::int64_t upper_bound) const {
  const nlohmann::ordered_json response = detail::run(client_, name_, "countDocuments", detail::filter_body(filter));
  const std::int64_t counted = detail::status_integer(response, "count");
  return CountResult{std::min(counted, upper_bound), more_data(response) || counted > upper_bound};
}

std::int64_t Collection::estimated_document_count() const {
  const nlohmann::ordered_json response = detail::run(client_, name_, "estimatedDocumentCount", nlohmann::ordered_json::object());
  return detail::status_integer(response, "count");
}

}  // namespace killrvideo::plugin::data

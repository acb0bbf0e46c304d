#include "killrvideo/plugin/data/Table.h"

#include "DocumentCommands.h"

namespace killrvideo::plugin::data {

Table::Table(DataClient& client, std::string name) : client_(client), name_(std::move(name)) {}

nlohmann::ordered_json Table::insert_one(const nlohmann::ordered_json& row) const { return detail::insert_one(client_, name_, row); }

InsertManyResult Table::insert_many(const std::vector<nlohmann::ordered_json>& rows, Ordering ordering) const {
  return detail::insert_many(client_, name_, rows, ordering);
}

FindResult Table::find(const Filter& filter, const FindOptions& options) const {
  return detail::find(client_, name_, filter, options);
}

FindAllResult Table::find_all(const Filter& filter, std::size_t max_documents, const FindOptions& options) const {
  return detail::find_all(client_, name_, filter, max_documents, options);
}

std::optional<nlohmann::ordered_json> Table::find_one(const Filter& filter, const FindOneOptions& options) const {
  return detail::find_one(client_, name_, filter, options);
}

void Table::update_one(const Filter& primary_key, const TableUpdate& update) const {
  nlohmann::ordered_json body = detail::filter_body(primary_key);
  body["update"] = update.to_json();
  detail::run(client_, name_, "updateOne", std::move(body));
}

void Table::delete_one(const Filter& primary_key) const {
  detail::run(client_, name_, "deleteOne", detail::filter_body(primary_key));
}

void Table::delete_many(const Filter& filter) const {
  detail::run(client_, name_, "deleteMany", detail::filter_body(filter));
}

}  // namespace killrvideo::plugin::data

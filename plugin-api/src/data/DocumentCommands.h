#pragma once
// The commands tables and collections share (insertOne, insertMany, find, findOne), built and read once
// for both handles.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Ordering.h"
#include "killrvideo/plugin/data/Results.h"

namespace killrvideo::plugin::data::detail {

// astrapy's chunk size: well under the server's 100 documents per insertMany.
inline constexpr std::size_t kInsertManyChunkSize = 50;

// Sends {"<name>": body} and returns the response; throws DataApiError when it carries errors.
nlohmann::ordered_json run(DataClient& client, const std::string& target, const char* name, nlohmann::ordered_json body);
// {"filter": …}: the body of commands whose filter is required.
nlohmann::ordered_json filter_body(const Filter& filter);

// The first of status.insertedIds.
nlohmann::ordered_json insert_one(DataClient& client, const std::string& target, const nlohmann::ordered_json& document);
InsertManyResult insert_many(DataClient& client, const std::string& target,
                             const std::vector<nlohmann::ordered_json>& documents, Ordering ordering);

FindResult find(DataClient& client, const std::string& target, const Filter& filter, const FindOptions& options);
FindAllResult find_all(DataClient& client, const std::string& target, const Filter& filter, std::size_t max_documents,
                       const FindOptions& options);
std::optional<nlohmann::ordered_json> find_one(DataClient& client, const std::string& target, const Filter& filter,
                                       const FindOneOptions& options);

}  // namespace killrvideo::plugin::data::detail

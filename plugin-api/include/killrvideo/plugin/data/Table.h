#pragma once
// Commands on one Data API table, sent through the host's data seam (data-api-wire §4).
//
//   data::Table videos(host.data(), "videos");
//   auto video = videos.find_one(data::Filter().eq("videoid", id));
//
// Every method throws DataApiError when the response carries errors (insert_many reports refused
// rows instead), and std::runtime_error when the response is not a Data API envelope.

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
#include "killrvideo/plugin/data/Update.h"

namespace killrvideo::plugin::data {

class Table {
 public:
  // `client` outlives the handle (HostServices::data() does).
  Table(DataClient& client, std::string name);

  const std::string& name() const noexcept { return name_; }

  // An upsert: same primary key overwrites the given columns. Returns the row's primary-key values.
  nlohmann::ordered_json insert_one(const nlohmann::ordered_json& row) const;
  // Sent in chunks the server accepts; an ordered insert stops after the first chunk with a refusal.
  InsertManyResult insert_many(const std::vector<nlohmann::ordered_json>& rows, Ordering ordering = Ordering::Unordered) const;

  // One page.
  FindResult find(const Filter& filter = Filter(), const FindOptions& options = FindOptions()) const;
  // Follows nextPageState until the end or until `max_documents` rows were read.
  FindAllResult find_all(const Filter& filter, std::size_t max_documents,
                         const FindOptions& options = FindOptions()) const;
  std::optional<nlohmann::ordered_json> find_one(const Filter& filter, const FindOneOptions& options = FindOneOptions()) const;

  // `primary_key`: every primary-key column with eq. Always an upsert on tables.
  void update_one(const Filter& primary_key, const TableUpdate& update) const;
  void delete_one(const Filter& primary_key) const;
  // A partition (and optionally a clustering range); an empty filter truncates the table.
  void delete_many(const Filter& filter) const;

 private:
  DataClient& client_;
  std::string name_;
};

}  // namespace killrvideo::plugin::data

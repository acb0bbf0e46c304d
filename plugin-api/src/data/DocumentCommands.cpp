#include "DocumentCommands.h"

#include <algorithm>
#include <stdexcept>

#include "ResponseReading.h"

namespace killrvideo::plugin::data::detail {

namespace {

// find and findOne omit an empty filter: "no filter" reads as every row.
nlohmann::ordered_json read_body(const Filter& filter) {
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  if (!filter.empty()) body["filter"] = filter.to_json();
  return body;
}

bool is_document_error(const ErrorObject& error) { return error.scope == "DOCUMENT"; }

// Adds one chunk's inserted ids and refused rows to `result`; returns whether any row was refused.
// Errors outside the DOCUMENT scope mean the command itself failed (unknown table, database down).
bool add_chunk_outcome(const nlohmann::ordered_json& response, InsertManyResult& result) {
  require_envelope(response);
  std::vector<ErrorObject> errors = errors_of(response);
  if (!std::all_of(errors.begin(), errors.end(), is_document_error)) throw DataApiError(std::move(errors));
  for (auto& id : inserted_ids_of(response)) result.inserted_ids.push_back(std::move(id));
  for (auto& error : errors) result.errors.push_back(std::move(error));
  return !errors.empty();
}

nlohmann::ordered_json insert_many_command(std::vector<nlohmann::ordered_json> chunk, Ordering ordering) {
  return {{"insertMany", {{"documents", std::move(chunk)}, {"options", {{"ordered", ordering == Ordering::Ordered}}}}}};
}

// Appends the page's rows, up to `max_documents` in all; returns false when the bound cut it short.
bool append_within_bound(FindAllResult& all, FindResult& page, std::size_t max_documents) {
  const std::size_t room = max_documents - all.documents.size();
  const std::size_t taken = std::min(room, page.documents.size());
  std::move(page.documents.begin(), page.documents.begin() + static_cast<std::ptrdiff_t>(taken),
            std::back_inserter(all.documents));
  return taken == page.documents.size();
}

}  // namespace

nlohmann::ordered_json run(DataClient& client, const std::string& target, const char* name, nlohmann::ordered_json body) {
  nlohmann::ordered_json response = client.execute(target, {{name, std::move(body)}});
  require_success(response);
  return response;
}

nlohmann::ordered_json filter_body(const Filter& filter) { return {{"filter", filter.to_json()}}; }

nlohmann::ordered_json insert_one(DataClient& client, const std::string& target, const nlohmann::ordered_json& document) {
  const nlohmann::ordered_json response = run(client, target, "insertOne", {{"document", document}});
  std::vector<nlohmann::ordered_json> ids = inserted_ids_of(response);
  if (ids.empty()) throw std::runtime_error("malformed Data API response: insertOne returned no insertedIds");
  return std::move(ids.front());
}

InsertManyResult insert_many(DataClient& client, const std::string& target,
                             const std::vector<nlohmann::ordered_json>& documents, Ordering ordering) {
  InsertManyResult result;
  for (std::size_t start = 0; start < documents.size(); start += kInsertManyChunkSize) {
    const std::size_t end = std::min(start + kInsertManyChunkSize, documents.size());
    std::vector<nlohmann::ordered_json> chunk(documents.begin() + static_cast<std::ptrdiff_t>(start),
                                      documents.begin() + static_cast<std::ptrdiff_t>(end));
    const bool refused =
        add_chunk_outcome(client.execute(target, insert_many_command(std::move(chunk), ordering)), result);
    // The server stopped at the refused row; later chunks must not be written past it.
    if (refused && ordering == Ordering::Ordered) break;
  }
  return result;
}

FindResult find(DataClient& client, const std::string& target, const Filter& filter, const FindOptions& options) {
  nlohmann::ordered_json body = read_body(filter);
  options.write_to(body);
  return read_find_result(run(client, target, "find", std::move(body)));
}

FindAllResult find_all(DataClient& client, const std::string& target, const Filter& filter, std::size_t max_documents,
                       const FindOptions& options) {
  FindAllResult all;
  FindOptions page_options = options;
  std::optional<std::string> previous_state;
  for (;;) {
    FindResult page = find(client, target, filter, page_options);
    all.warnings.insert(all.warnings.end(), page.warnings.begin(), page.warnings.end());
    const bool whole_page = append_within_bound(all, page, max_documents);
    if (!page.next_page_state) {
      all.truncated = !whole_page;
      return all;
    }
    if (!whole_page || all.documents.size() == max_documents) {
      all.truncated = true;
      return all;
    }
    // A state that does not move would page forever.
    if (page.next_page_state == previous_state) {
      throw std::runtime_error("the Data API returned the same page state twice: " + *page.next_page_state);
    }
    previous_state = page.next_page_state;
    page_options.page_state(*page.next_page_state);
  }
}

std::optional<nlohmann::ordered_json> find_one(DataClient& client, const std::string& target, const Filter& filter,
                                       const FindOneOptions& options) {
  nlohmann::ordered_json body = read_body(filter);
  options.write_to(body);
  return read_document(run(client, target, "findOne", std::move(body)));
}

}  // namespace killrvideo::plugin::data::detail

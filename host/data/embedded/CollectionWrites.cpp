#include "data/embedded/CollectionWrites.h"

#include <limits>

#include "data/embedded/CollectionOrder.h"
#include "data/embedded/CollectionProjection.h"
#include "data/embedded/CollectionStore.h"
#include "data/embedded/CommandBody.h"
#include "data/embedded/DocumentFilter.h"
#include "data/embedded/DocumentUpdate.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kEveryDocument = std::numeric_limits<std::size_t>::max();

// Runs `work` in a write transaction and applies its vector changes once committed.
template <typename Work>
void in_write_transaction(EngineState& state, const SchemaObject& collection, Work&& work) {
  auto lease = state.database.writer();
  Transaction transaction(lease.connection(), true);
  CollectionStore store(lease.connection(), collection);
  work(store);
  store.finish();
  transaction.commit();
  store.apply_to_indexes(state.vectors);
}

struct UpdateRequest {
  json filter;
  json update;
  CollectionSort sort;
  bool upsert = false;
  std::string return_document = "before";
  json projection;
};

UpdateRequest read_update(const Command& command, const SchemaObject& collection) {
  const bool find_and = command.name == "findOneAndUpdate";
  if (find_and) require_known_fields(command.body, {"filter", "update", "sort", "projection", "options"}, command.name);
  else if (command.name == "updateMany") require_known_fields(command.body, {"filter", "update", "options"}, command.name);
  else require_known_fields(command.body, {"filter", "update", "sort", "options"}, command.name);
  const json& options = object_field(command.body, "options");
  if (find_and) require_known_fields(options, {"upsert", "returnDocument"}, command.name + " options");
  else require_known_fields(options, {"upsert", "pageState"}, command.name + " options");
  UpdateRequest request{object_field(command.body, "filter"), object_field(command.body, "update"),
                        parse_collection_sort(collection, object_field(command.body, "sort")),
                        bool_option(options, "upsert"), string_option(options, "returnDocument").value_or("before"),
                        object_field(command.body, "projection")};
  if (request.return_document != "before" && request.return_document != "after")
    fail("", "COMMAND_FIELD_VALUE_INVALID", "Command field 'returnDocument' not valid: must be \"before\" or \"after\".");
  validate_document_filter(request.filter);
  validate_document_update(request.update);
  validate_collection_projection(request.projection);
  return request;
}

struct UpdateOutcome {
  std::size_t matched = 0;
  std::size_t modified = 0;
  json upserted_id;      // null unless an upsert inserted
  json before = nullptr;  // first document, for findOneAndUpdate
  json after = nullptr;
};

void update_matches(EngineState& state, CollectionStore& store, const SchemaObject& collection,
                    const UpdateRequest& request, std::size_t limit, UpdateOutcome& outcome) {
  for (auto& ranked : ranked_documents(state, store, collection, request.filter, request.sort, limit)) {
    if (outcome.matched == limit) break;
    json document = ranked.stored.document;
    const bool changed = apply_document_update(document, request.update, false);
    if (changed) store.replace(ranked.stored.rowid, prepare_document(collection, document));
    if (outcome.matched == 0) {
      outcome.before = ranked.stored.document;
      outcome.after = document;
    }
    ++outcome.matched;
    outcome.modified += changed;
  }
}

void upsert_new(CollectionStore& store, const SchemaObject& collection, const UpdateRequest& request,
                UpdateOutcome& outcome) {
  json document = filter_equalities(request.filter);
  apply_document_update(document, request.update, true);
  document = prepare_document(collection, document);
  store.insert(document);
  outcome.upserted_id = document["_id"];
  outcome.after = document;
}

}  // namespace

CommandResult collection_insert(EngineState& state, const Command& command, const SchemaObject& collection) {
  bool ordered = false, responses = false;
  // Embedded before the write lock is taken: a remote provider may take seconds.
  const json documents = state.vectorize.collection_documents(collection, insert_documents(command, ordered, responses));
  CommandResult result;
  json inserted = json::array(), document_responses = json::array();
  in_write_transaction(state, collection, [&](CollectionStore& store) {
    bool stopped = false;
    for (const auto& raw : documents) {
      if (stopped) {
        document_responses.push_back({{"_id", raw.value("_id", json(nullptr))}, {"status", "SKIPPED"}});
        continue;
      }
      try {
        const json document = prepare_document(collection, raw);
        store.insert(document);
        inserted.push_back(document["_id"]);
        document_responses.push_back({{"_id", document["_id"]}, {"status", "OK"}});
      } catch (const CommandFailure& failure) {
        document_responses.push_back({{"_id", raw.is_object() ? raw.value("_id", json(nullptr)) : json(nullptr)},
                                      {"status", "ERROR"}, {"errorsIdx", result.errors.size()}});
        result.errors.push_back(failure.error());
        stopped = ordered;
      }
    }
  });
  result.status[responses ? "documentResponses" : "insertedIds"] = responses ? document_responses : inserted;
  return result;
}

CommandResult collection_update(EngineState& state, const Command& command, const SchemaObject& collection) {
  const UpdateRequest request = read_update(command, collection);
  const std::size_t limit = command.name == "updateMany" ? kEveryDocument : 1;
  UpdateOutcome outcome;
  in_write_transaction(state, collection, [&](CollectionStore& store) {
    update_matches(state, store, collection, request, limit, outcome);
    if (outcome.matched == 0 && request.upsert) upsert_new(store, collection, request, outcome);
  });
  CommandResult result;
  if (!outcome.upserted_id.is_null()) result.status["upsertedId"] = outcome.upserted_id;
  result.status["matchedCount"] = outcome.matched;
  result.status["modifiedCount"] = outcome.modified;
  if (command.name == "findOneAndUpdate") {
    const json& chosen = request.return_document == "after" ? outcome.after : outcome.before;
    result.data = {{"document", chosen.is_null() ? json(nullptr) : project_document(chosen, request.projection)}};
  }
  return result;
}

// replaceOne and findOneAndReplace (data-api-wire §5): the first matching document (in `sort` order) is
// replaced whole, keeping its _id; a replacement naming another _id is refused. With upsert and no match,
// the replacement is inserted, its _id taken from the replacement, else the filter's _id, else generated.
CommandResult collection_replace(EngineState& state, const Command& command, const SchemaObject& collection) {
  const bool find_and = command.name == "findOneAndReplace";
  if (find_and) require_known_fields(command.body, {"filter", "replacement", "sort", "projection", "options"}, command.name);
  else require_known_fields(command.body, {"filter", "replacement", "sort", "options"}, command.name);
  const json& options = object_field(command.body, "options");
  if (find_and) require_known_fields(options, {"upsert", "returnDocument"}, command.name + " options");
  else require_known_fields(options, {"upsert"}, command.name + " options");
  const json& filter = object_field(command.body, "filter");
  const json& projection = object_field(command.body, "projection");
  const auto replacement_field = command.body.find("replacement");
  if (replacement_field == command.body.end() || !replacement_field->is_object())
    fail("", "REQUEST_STRUCTURE_MISMATCH", command.name + " needs a 'replacement' document.");
  const json replacement = state.vectorize.collection_documents(collection, json::array({*replacement_field}))[0];
  const std::string return_document = string_option(options, "returnDocument").value_or("before");
  if (return_document != "before" && return_document != "after")
    fail("", "COMMAND_FIELD_VALUE_INVALID", "Command field 'returnDocument' not valid: must be \"before\" or \"after\".");
  validate_document_filter(filter);
  validate_collection_projection(projection);
  const CollectionSort sort = parse_collection_sort(collection, object_field(command.body, "sort"));
  UpdateOutcome outcome;
  in_write_transaction(state, collection, [&](CollectionStore& store) {
    for (const auto& ranked : ranked_documents(state, store, collection, filter, sort, 1)) {
      json document = replacement;
      const json& id = ranked.stored.document["_id"];
      if (document.contains("_id") && document["_id"] != id)
        fail("DOCUMENT", "DOCUMENT_REPLACE_DIFFERENT_DOCID",
             "The replace document and document resolved using filter have different _id values.");
      document["_id"] = id;
      document = prepare_document(collection, document);
      // Field order is not content: compare as unordered JSON.
      const bool changed = nlohmann::json::parse(document.dump()) != nlohmann::json::parse(ranked.stored.document.dump());
      if (changed) store.replace(ranked.stored.rowid, document);
      outcome.before = ranked.stored.document;
      outcome.after = document;
      outcome.matched = 1;
      outcome.modified = changed;
      return;
    }
    if (!bool_option(options, "upsert")) return;
    json document = replacement;
    if (!document.contains("_id")) {
      const json equalities = filter_equalities(filter);
      if (equalities.contains("_id")) document["_id"] = equalities["_id"];
    }
    document = prepare_document(collection, document);
    store.insert(document);
    outcome.upserted_id = document["_id"];
    outcome.after = document;
  });
  CommandResult result;
  if (!outcome.upserted_id.is_null()) result.status["upsertedId"] = outcome.upserted_id;
  result.status["matchedCount"] = outcome.matched;
  result.status["modifiedCount"] = outcome.modified;
  if (find_and) {
    const json& chosen = return_document == "after" ? outcome.after : outcome.before;
    result.data = {{"document", chosen.is_null() ? json(nullptr) : project_document(chosen, projection)}};
  }
  return result;
}

CommandResult collection_delete(EngineState& state, const Command& command, const SchemaObject& collection) {
  const bool many = command.name == "deleteMany";
  const bool find_and = command.name == "findOneAndDelete";
  if (many) require_known_fields(command.body, {"filter", "options"}, command.name);
  else if (find_and) require_known_fields(command.body, {"filter", "sort", "projection", "options"}, command.name);
  else require_known_fields(command.body, {"filter", "sort", "options"}, command.name);
  require_known_fields(object_field(command.body, "options"), {}, command.name + " options");
  const json& filter = object_field(command.body, "filter");
  const json& projection = object_field(command.body, "projection");
  validate_document_filter(filter);
  validate_collection_projection(projection);
  const CollectionSort sort = parse_collection_sort(collection, object_field(command.body, "sort"));
  std::int64_t deleted = 0;
  json removed = nullptr;
  in_write_transaction(state, collection, [&](CollectionStore& store) {
    if (many && filter.empty()) {
      store.remove_all();
      deleted = -1;  // a truncate does not count
      return;
    }
    for (const auto& ranked : ranked_documents(state, store, collection, filter, sort, 1)) {
      store.remove(ranked.stored.rowid);
      if (removed.is_null()) removed = ranked.stored.document;
      if (++deleted == 1 && !many) break;
    }
  });
  CommandResult result;
  result.status["deletedCount"] = deleted;
  if (find_and) result.data = {{"document", removed.is_null() ? json(nullptr) : project_document(removed, projection)}};
  return result;
}

}  // namespace killrvideo::host::embedded

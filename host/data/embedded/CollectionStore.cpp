#include "data/embedded/CollectionStore.h"

#include "data/embedded/ApiError.h"
#include "data/embedded/Catalog.h"
#include "data/embedded/DocumentFilter.h"
#include "data/embedded/Uuid.h"
#include "data/embedded/VectorCodec.h"
#include "data/embedded/Vectorize.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

void check_id(const json& id) {
  const bool extended = id.is_object() && id.size() == 1 &&
                        (id.contains("$uuid") || id.contains("$objectId") || id.contains("$date"));
  if (!(id.is_string() || id.is_number() || id.is_boolean() || extended))
    fail("DOCUMENT", "SHRED_BAD_DOCID_TYPE", "Bad type for '_id' field: " + id.dump() + ".");
}

json normalized_vector(const SchemaObject& collection, const json& value) {
  if (collection.collection.dimension == 0)
    fail("SCHEMA", "VECTOR_SEARCH_NOT_SUPPORTED",
         "Vector search is not enabled for the collection " + collection.name + ": it has no 'vector' option.");
  std::vector<float> vector;
  try {
    vector = parse_vector(value);
  } catch (const std::invalid_argument& error) {
    fail("DOCUMENT", "SHRED_BAD_DOCUMENT_VECTOR_TYPE", std::string("Bad $vector value to shred: ") + error.what() + ".");
  }
  if (static_cast<int>(vector.size()) != collection.collection.dimension)
    fail("DOCUMENT", "SHRED_BAD_VECTOR_SIZE", "Bad $vector value: the collection expects " +
                                                  std::to_string(collection.collection.dimension) + " dimensions, got " +
                                                  std::to_string(vector.size()) + ".");
  return vector_to_json(vector);
}

// The `vec` column value of a document ($vector as float32 bytes), or NULL.
SqlValue vector_column(const json& document) {
  const auto found = document.find("$vector");
  if (found == document.end() || found->is_null()) return std::monostate{};
  return Blob{vector_to_bytes(found->get<std::vector<float>>())};
}

std::string body_without_vector(json document) {
  document.erase("$vector");
  return document.dump();
}

}  // namespace

json prepare_document(const SchemaObject& collection, json document) {
  if (!document.is_object())
    fail("DOCUMENT", "SHRED_BAD_DOCUMENT_TYPE", "Bad document type to shred: document must be a JSON Object.");
  if (!document.contains("_id")) document["_id"] = random_uuid4();
  check_id(document["_id"]);
  // Vectorize::collection_documents has put the embedding of $vectorize beside it; a $vectorize without one
  // came through a command that does not embed.
  if (document.contains("$vectorize") && !has_vectorize_service(collection))
    fail("SCHEMA", "EMBEDDING_SERVICE_NOT_CONFIGURED",
         "Collection '" + collection.name + "' does not have embedding service configured: cannot vectorize data.");
  if (document.contains("$vectorize") && !document.contains("$vector"))
    fail("", "COMMAND_NOT_IMPLEMENTED",
         "Setting $vectorize through an update is not implemented in this local server; use insertOne, insertMany, "
         "replaceOne or findOneAndReplace.");
  if (document.contains("$vector") && !document["$vector"].is_null())
    document["$vector"] = normalized_vector(collection, document["$vector"]);
  else
    document.erase("$vector");
  return document;
}

std::vector<StoredDocument> CollectionStore::select(const std::string& where, const std::vector<SqlValue>& params) {
  auto query = connection_.prepare("SELECT rowid, doc, vec FROM " + quote_identifier(collection_.storage_table()) +
                                   " WHERE " + where + " ORDER BY id");
  query.bind_all(params);
  std::vector<StoredDocument> documents;
  while (query.step()) {
    json document = json::parse(query.column_text(1));
    const SqlValue vector = query.column(2);
    if (const auto* blob = std::get_if<Blob>(&vector)) document["$vector"] = vector_to_json(vector_from_bytes(blob->bytes));
    documents.push_back({query.column_int(0), std::move(document)});
  }
  return documents;
}

std::vector<StoredDocument> CollectionStore::matching(const json& filter) {
  if (const auto id = filtered_id(filter)) return select("id = ?", {id->dump()});
  std::vector<StoredDocument> documents = select("1", {});
  if (filter.empty()) return documents;
  std::vector<StoredDocument> matches;
  for (auto& stored : documents)
    if (document_matches(stored.document, filter)) matches.push_back(std::move(stored));
  return matches;
}

std::optional<StoredDocument> CollectionStore::by_rowid(std::int64_t rowid) {
  auto documents = select("rowid = ?", {rowid});
  if (documents.empty()) return std::nullopt;
  return std::move(documents.front());
}

std::int64_t CollectionStore::count_all() {
  auto query = connection_.prepare("SELECT COUNT(*) FROM " + quote_identifier(collection_.storage_table()));
  query.step();
  return query.column_int(0);
}

void CollectionStore::insert(const json& document) {
  auto statement = connection_.prepare("INSERT INTO " + quote_identifier(collection_.storage_table()) +
                                       " (id, doc, vec) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING rowid");
  statement.bind_all({document["_id"].dump(), body_without_vector(document), vector_column(document)});
  if (!statement.step())
    fail("DOCUMENT", "DOCUMENT_ALREADY_EXISTS",
         "Cannot insert the document: a document already exists with given '_id' (" + document["_id"].dump() + ").");
  const std::int64_t rowid = statement.column_int(0);
  while (statement.step()) {}
  if (document.contains("$vector")) changes_.push_back({rowid, document["$vector"].get<std::vector<float>>()});
}

void CollectionStore::replace(std::int64_t rowid, const json& document) {
  connection_.prepare("UPDATE " + quote_identifier(collection_.storage_table()) + " SET doc = ?, vec = ? WHERE rowid = ?")
      .bind_all({body_without_vector(document), vector_column(document), rowid})
      .run();
  if (document.contains("$vector")) changes_.push_back({rowid, document["$vector"].get<std::vector<float>>()});
  else changes_.push_back({rowid, std::nullopt});
}

void CollectionStore::remove(std::int64_t rowid) {
  connection_.prepare("DELETE FROM " + quote_identifier(collection_.storage_table()) + " WHERE rowid = ?").bind(1, rowid).run();
  changes_.push_back({rowid, std::nullopt});
}

void CollectionStore::remove_all() {
  auto statement = connection_.prepare("DELETE FROM " + quote_identifier(collection_.storage_table()) + " RETURNING rowid");
  while (statement.step()) changes_.push_back({statement.column_int(0), std::nullopt});
}

void CollectionStore::finish() { Catalog::bump_stamp(connection_, collection_.id); }

void CollectionStore::apply_to_indexes(VectorIndexSet& vectors) const {
  if (collection_.collection.dimension == 0) return;
  for (const auto& change : changes_)
    vectors.put(collection_.id, "$vector", change.rowid, change.vector ? &*change.vector : nullptr);
}

}  // namespace killrvideo::host::embedded

#include "data/embedded/ApiError.h"

#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "data/embedded/Uuid.h"

namespace killrvideo::host::embedded {

namespace {

// Titles are fixed per (scope, code) in the server's errors.yaml; clients may display them.
const std::map<std::string, std::string>& titles() {
  static const std::map<std::string, std::string> table = {
      {"/COMMAND_FIELD_VALUE_INVALID", "Command field value invalid"},
      {"/COMMAND_FIELD_UNKNOWN", "Command field unknown"},
      {"/COMMAND_UNKNOWN", "Command is not recognized by Data API"},
      {"/REQUEST_STRUCTURE_MISMATCH", "Request structure not valid"},
      {"/UNSUPPORTED_TABLE_COMMAND", "Command is not supported by tables"},
      {"/UNSUPPORTED_COLLECTION_COMMAND", "Command is not supported by collections"},
      {"/INTERNAL_SERVER_ERROR", "Internal server error"},
      {"/COMMAND_NOT_IMPLEMENTED", "Command is not implemented by this local server"},
      {"DOCUMENT/DOCUMENT_ALREADY_EXISTS", "Document the given _id already exists"},
      {"DOCUMENT/MISSING_PRIMARY_KEY_COLUMNS", "Primary key columns missing"},
      {"DOCUMENT/UNKNOWN_TABLE_COLUMNS", "Columns in documents are not defined in the table schema"},
      {"DOCUMENT/INVALID_COLUMN_VALUES", "Column values in documents are not valid"},
      {"DOCUMENT/SHRED_BAD_DOCID_TYPE", "Bad type for '_id' field"},
      {"DOCUMENT/SHRED_BAD_DOCUMENT_TYPE", "Bad document type to shred"},
      {"DOCUMENT/SHRED_BAD_DOCUMENT_VECTOR_TYPE", "Bad $vector value to shred"},
      {"DOCUMENT/SHRED_BAD_BINARY_VECTOR_VALUE", "Bad binary vector value to shred"},
      {"DOCUMENT/SHRED_BAD_VECTOR_SIZE", "Bad $vector value"},
      {"DOCUMENT/SHRED_BAD_EJSON_VALUE", "Bad JSON Extension value to shred"},
      {"DOCUMENT/UNSUPPORTED_VECTORIZE_WHEN_MISSING_VECTORIZE_DEFINITION",
       "Vectorize not supported on column with missing vectorize configuration"},
      {"FILTER/FILTER_INVALID_EXPRESSION", "Unsupported filter clause"},
      {"FILTER/FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator"},
      {"FILTER/FILTER_FIELDS_LIMIT_VIOLATION", "Filter fields size limitation violated"},
      {"FILTER/UNKNOWN_TABLE_COLUMNS", "Columns in the filter are not defined in the table schema"},
      {"FILTER/INVALID_FILTER_COLUMN_VALUES", "Column value in filter is not valid"},
      {"FILTER/CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS", "Lexical filter used on a column without a text index"},
      {"FILTER/INVALID_MAP_SET_LIST_FILTER", "Command has invalid filter against a map, set, or list column"},
      {"FILTER/UNSUPPORTED_FILTERING_FOR_COLUMN_TYPES", "Column types in the filter do not support the filter operations"},
      {"FILTER/UNSUPPORTED_COMPARISON_FILTER_AGAINST_DURATION", "Duration data type does not support comparison filters"},
      {"FILTER/MISSING_FILTER_FOR_UPDATE_DELETE", "Update and delete commands require a filter"},
      {"FILTER/UNSUPPORTED_FILTER_FOR_UPDATE_ONE_DELETE_ONE",
       "updateOne and deleteOne commands only support filtering using $eq"},
      {"FILTER/UNSUPPORTED_NON_PRIMARY_KEY_FILTER_FOR_UPDATE_DELETE",
       "Update and delete commands only support filtering on the primary key"},
      {"FILTER/MISSING_FULL_PRIMARY_KEY_FOR_UPDATE_DELETE",
       "updateOne and deleteOne commands require filtering on the full primary key"},
      {"FILTER/INVALID_PRIMARY_KEY_FILTER", "Primary key filtering must specify columns in schema order"},
      {"UPDATE/UNKNOWN_TABLE_COLUMNS", "Columns in the update are not defined in the table schema"},
      {"UPDATE/INVALID_UPDATE_COLUMN_VALUES", "Column value in update clause is not valid"},
      {"UPDATE/UNSUPPORTED_UPDATE_OPERATOR", "Update operator is not supported by target columns"},
      {"UPDATE/UNSUPPORTED_UPDATE_FOR_PRIMARY_KEY_COLUMNS", "Primary key columns cannot be updated"},
      {"UPDATE/MISSING_UPDATE_OPERATIONS", "Update operation requires at least one operation"},
      {"UPDATE/UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE", "Update operation not supported by tables"},
      {"UPDATE/UNSUPPORTED_OVERLAPPING_UPDATE_OPERATIONS", "Columns cannot be changed by multiple update operations"},
      {"UPDATE/UNSUPPORTED_UPDATE_OPERATOR_FOR_DOC_ID", "Update operators cannot be used on _id field"},
      {"UPDATE/INVALID_UPDATE_OPERATOR_VALUE", "Update operator value not valid"},
      {"WARNING/MISSING_INDEX", "Filter includes columns that are not indexed"},
      {"WARNING/NOT_EQUALS_UNSUPPORTED_BY_INDEXING", "Use of $ne (not equals) on indexed columns"},
      {"WARNING/COMPARISON_FILTER_UNSUPPORTED_BY_INDEXING",
       "Use of $lt, $gt, $lte, $gte (comparison filter) on indexed columns"},
      {"WARNING/NOT_IN_FILTER_UNSUPPORTED_BY_INDEXING", "Use of $nin on indexed columns"},
      {"WARNING/ZERO_FILTER_OPERATIONS", "Zero operations provided in query filter"},
      {"WARNING/INCOMPLETE_PRIMARY_KEY_FILTER", "Incomplete filter on table primary key"},
      {"WARNING/IN_MEMORY_SORTING_DUE_TO_NON_PARTITION_SORTING", "Sorting by non partition sorting columns"},
      {"WARNING/IN_MEMORY_SORTING_DUE_SKIP_OPTIONS", "Sorting uses skip option, performing as in memory sort"},
      {"WARNING/IN_MEMORY_SORTING_DUE_TO_PARTITION_KEY_NOT_RESTRICTED",
       "Sorting with partition key not restricted correctly in filter clause"},
      {"WARNING/IN_MEMORY_SORTING_DUE_TO_OUT_OF_ORDER_PARTITION_SORTING",
       "Sorting on out of order partition sorting columns"},
      {"PROJECTION/UNSUPPORTED_PROJECTION_DEFINITION", "Unsupported projection definition"},
      {"PROJECTION/UNSUPPORTED_PROJECTION_PARAM", "Unsupported projection parameter"},
      {"PROJECTION/UNKNOWN_TABLE_COLUMNS", "Columns in the projection are not defined in the table schema"},
      {"SCHEMA/UNKNOWN_COLLECTION_OR_TABLE", "Collection or table does not exist"},
      {"SCHEMA/UNKNOWN_KEYSPACE", "Keyspace does not exist in the Database"},
      {"SCHEMA/VECTOR_SEARCH_NOT_SUPPORTED", "Vector search is not enabled for the collection"},
      {"SCHEMA/EXISTING_TABLE_NOT_DATA_API_COLLECTION", "Existing table not a valid Data API collection"},
      {"SCHEMA/UNSUPPORTED_TEXT_ANALYSIS_FOR_DATA_TYPES", "Analysed text index not supported by data types"},
      {"SCHEMA/INVALID_FORMAT_FOR_INDEX_CREATION_COLUMN",
       "Unable to create index, format for index creation column is invalid."},
      {"SCHEMA/UNKNOWN_PARTITION_SORT_COLUMNS", "Partition sort columns are not defined in the table schema"},
      {"SCHEMA/UNKNOWN_PARTITION_COLUMNS", "Partition columns are not defined in the table schema"},
      {"SCHEMA/MISSING_PARTITION_COLUMNS", "Partitioning keys are required for tables"},
      {"SCHEMA/MISSING_DIMENSION_IN_VECTOR_COLUMN",
       "Dimension is required for vector column if embedding service is not specified"},
      {"SCHEMA/CANNOT_DROP_UNKNOWN_INDEX", "Dropped index is not defined in the keyspace schema"},
      {"SCHEMA/CANNOT_DROP_UNKNOWN_TABLE", "Dropped table is not defined in the keyspace schema"},
      {"SCHEMA/CANNOT_ADD_EXISTING_TABLE", "Table with the same name exists in the keyspace schema"},
      {"SCHEMA/CANNOT_ADD_EXISTING_INDEX", "Index with the same name exists in the keyspace schema"},
      {"SCHEMA/EXISTING_COLLECTION_DIFFERENT_SETTINGS", "Collection already exists with different settings"},
      {"SCHEMA/EMBEDDING_SERVICE_NOT_CONFIGURED", "Embedding service not configured for collection"},
      {"SCHEMA/VECTORIZE_FEATURE_NOT_AVAILABLE", "Vectorize feature is not available in the environment"},
      {"SCHEMA/CANNOT_VECTORIZE_UNKNOWN_COLUMNS", "Vectorize columns are not defined in the table schema"},
      {"SCHEMA/CANNOT_VECTORIZE_NON_VECTOR_COLUMNS", "Vectorize is only supported on vector columns"},
      {"SCHEMA/CANNOT_DROP_VECTORIZE_FROM_UNKNOWN_COLUMNS", "Dropped vectorize columns are not defined in the table schema"},
      {"SCHEMA/CANNOT_DROP_VECTORIZE_FROM_NON_VECTOR_COLUMNS", "Vectorize can only be dropped from vector columns"},
      {"EMBEDDING_PROVIDER/EMBEDDING_PROVIDER_UNEXPECTED_RESPONSE", "The embedding provider returned an unexpected response"},
      {"DOCUMENT/SHRED_BAD_VECTORIZE_VALUE", "Bad $vectorize value"},
      {"DOCUMENT/SHRED_BAD_DOCUMENT_VECTOR_VECTORIZE_COMBINATION", "Document has both $vector and $vectorize"},
      {"SCHEMA/UNKNOWN_PRIMITIVE_DATA_TYPE", "Primitive data type is unknown"},
      {"SCHEMA/UNSUPPORTED_DATA_TYPE_TABLE_CREATION", "Table creation with unsupported data types"},
      {"SCHEMA/UNSUPPORTED_MAP_DEFINITION", "Map definition contains unsupported data types"},
      {"SCHEMA/UNSUPPORTED_LIST_DEFINITION", "List definition contains unsupported data types"},
      {"SCHEMA/UNSUPPORTED_SET_DEFINITION", "Set definition contains unsupported data types"},
      {"SCHEMA/UNSUPPORTED_SCHEMA_NAME", "The used schema name is not supported"},
      {"SCHEMA/UNSUPPORTED_VECTOR_DIMENSION", "Vector definition contains unsupported dimension"},
      {"SCHEMA/UNKNOWN_INDEX_COLUMN", "Index column is not defined in the table schema"},
      {"SCHEMA/CANNOT_ADD_EXISTING_COLUMNS", "Columns already exist in the table"},
      {"SCHEMA/CANNOT_ADD_UNSUPPORTED_DATA_TYPE_COLUMNS", "Added columns use unsupported data types"},
      {"SCHEMA/CANNOT_DROP_UNKNOWN_COLUMNS", "Dropped columns are not defined in the table schema"},
      {"SCHEMA/CANNOT_DROP_PRIMARY_KEY_COLUMNS", "Primary key columns cannot be dropped"},
      {"SCHEMA/CANNOT_DROP_INDEXED_COLUMNS", "Indexed columns cannot be dropped"},
      {"SCHEMA/MISSING_ALTER_TABLE_OPERATIONS", "Missing alter table operations"},
      {"SCHEMA/UNSUPPORTED_INDEXING_FOR_DATA_TYPES", "Indexing not supported by data types"},
      {"SCHEMA/UNSUPPORTED_VECTOR_INDEX_FOR_DATA_TYPES", "Vector index not supported by data types"},
      {"SCHEMA/UNKNOWN_VECTOR_SOURCE_MODEL", "Vector source model is unknown"},
      {"SCHEMA/UNKNOWN_VECTOR_METRIC", "Vector metric is unknown"},
      {"SCHEMA/UNSUPPORTED_TEXT_INDEX_FOR_DATA_TYPES", "Text index not supported by data types"},
      {"SCHEMA/INVALID_TEXT_INDEX_ANALYZER", "Text index analyzer is not valid"},
      {"SCHEMA/COLUMN_TYPE_INCORRECT", "Column data type not provided or format invalid in the definition"},
      {"SCHEMA/PRIMARY_KEY_DEFINITION_INCORRECT", "Primary key definition provided is incorrect."},
      {"SCHEMA/INVALID_INDEXING_DEFINITION", "Invalid indexing definition"},
      {"SCHEMA/INVALID_CREATE_COLLECTION_OPTIONS", "Invalid options for createCollection"},
      {"SORT/CANNOT_SORT_ON_MULTIPLE_VECTORS", "More than one vector sort provided"},
      {"SORT/CANNOT_SORT_ON_SPECIAL_WITH_OTHERS", "Special sort combined with other sort expressions"},
      {"SORT/CANNOT_SORT_UNKNOWN_COLUMNS", "Sorted columns are not defined in the table schema"},
      {"SORT/CANNOT_LEXICAL_SORT_NON_INDEXED_COLUMNS", "Lexical sort used on a column without a text index"},
      {"SORT/CANNOT_LEXICAL_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with lexical sort"},
      {"SORT/OVERLOADED_SORT_ROW_LIMIT", "Sort aborted due to in-memory sort restriction"},
      {"SORT/CANNOT_VECTOR_SORT_NON_VECTOR_COLUMNS", "Vector sort columns are not `vector` type"},
      {"SORT/CANNOT_VECTOR_SORT_WITH_LIMIT_EXCEEDS_MAX", "Limit exceeds the maximum allowed for vector sort"},
      {"SORT/CANNOT_VECTOR_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with  vector sort"},
      {"SORT/CANNOT_VECTOR_SORT_NON_INDEXED_VECTOR_COLUMNS", "Vector sort cannot be used for non indexed vector columns"},
      {"SORT/CANNOT_VECTOR_SORT_ON_MISMATCHED_VECTOR_DIMENSIONS",
       "Vector sort cannot be used with mismatched vector dimensions"},
      {"SORT/CANNOT_VECTORIZE_SORT_WHEN_MISSING_VECTORIZE_DEFINITION",
       "Vectorize sort not supported on column with missing vectorize configuration"},
      {"SORT/INVALID_REGULAR_SORT_EXPRESSION", "Sort expression is not valid for regular sort"},
      {"SORT/INVALID_VECTOR_SORT_EXPRESSION", "Sort expression is not valid for vector/vectorize sort"},
      {"SORT/SORT_CLAUSE_INVALID", "Sort clause used by command not valid"},
      {"SORT/UNSUPPORTED_SORT_FOR_TABLE_DELETE_COMMAND", "Sorting not supported by delete command on tables"},
      {"SORT/UNSUPPORTED_SORT_FOR_TABLE_UPDATE_COMMAND", "Sorting not supported by update command on tables"},
      {"SORT/UNSUPPORTED_PAGINATION_WITH_IN_MEMORY_SORTING", "Pagination not supported when using in-memory sorting"},
      {"SORT/UNSUPPORTED_VECTOR_SORT_FOR_COLLECTION", "Vector sorting not supported by the collection"},
      {"DATABASE/FAILED_READ_REQUEST", "Failed database request"},
      {"DATABASE/FAILED_WRITE_REQUEST", "Failed database request"},
  };
  return table;
}

std::string title_of(const std::string& scope, const std::string& code) {
  const auto found = titles().find(scope + "/" + code);
  return found == titles().end() ? code : found->second;
}

bool is_server_error(const std::string& scope, const std::string& code) {
  return scope == "DATABASE" || scope == "EMBEDDING_PROVIDER" || code == "INTERNAL_SERVER_ERROR";
}

}  // namespace

ApiError make_error(const std::string& scope, const std::string& code, const std::string& message) {
  return ApiError{is_server_error(scope, code) ? "SERVER" : "REQUEST", scope, code, title_of(scope, code), message};
}

ApiError make_warning(const std::string& code, const std::string& message) {
  return make_error("WARNING", code, message);
}

nlohmann::ordered_json to_json(const ApiError& error) {
  return {{"id", random_uuid4()},     {"family", error.family}, {"scope", error.scope},
          {"errorCode", error.code}, {"title", error.title},   {"message", error.message}};
}

CommandFailure::CommandFailure(ApiError error) : std::runtime_error(error.code), error_(std::move(error)) {}

void fail(const std::string& scope, const std::string& code, const std::string& message) {
  throw CommandFailure(make_error(scope, code, message));
}

}  // namespace killrvideo::host::embedded

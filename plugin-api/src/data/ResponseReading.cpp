#include "ResponseReading.h"

#include <iterator>
#include <stdexcept>
#include <string>

#include "killrvideo/plugin/data/Vectors.h"

namespace killrvideo::plugin::data::detail {

namespace {

// Long enough to recognise the response in a log, short enough not to flood it.
constexpr std::size_t kQuotedResponseLength = 300;

[[noreturn]] void throw_malformed(const std::string& expectation, const nlohmann::ordered_json& response) {
  std::string quoted = response.dump();
  if (quoted.size() > kQuotedResponseLength) quoted = quoted.substr(0, kQuotedResponseLength) + "…";
  throw std::runtime_error("malformed Data API response: expected " + expectation + " in " + quoted);
}

std::vector<ErrorObject> error_objects(const nlohmann::ordered_json& array) {
  std::vector<ErrorObject> objects;
  if (!array.is_array()) return objects;
  for (const auto& object : array) objects.push_back(ErrorObject::from_json(object));
  return objects;
}

const nlohmann::ordered_json& data_of(const nlohmann::ordered_json& response) {
  const auto data = response.find("data");
  if (data == response.end() || !data->is_object()) throw_malformed("a \"data\" object", response);
  return *data;
}

std::optional<std::string> next_page_state_of(const nlohmann::ordered_json& data, const nlohmann::ordered_json& response) {
  const auto state = data.find("nextPageState");
  if (state == data.end() || state->is_null()) return std::nullopt;
  if (!state->is_string()) throw_malformed("a string or null \"nextPageState\"", response);
  if (state->get_ref<const std::string&>().empty()) return std::nullopt;
  return state->get<std::string>();
}

}  // namespace

void require_envelope(const nlohmann::ordered_json& response) {
  if (!response.is_object()) throw_malformed("a JSON object", response);
}

std::vector<ErrorObject> errors_of(const nlohmann::ordered_json& response) {
  const auto errors = response.find("errors");
  return errors == response.end() ? std::vector<ErrorObject>() : error_objects(*errors);
}

const nlohmann::ordered_json& require_success(const nlohmann::ordered_json& response) {
  require_envelope(response);
  std::vector<ErrorObject> errors = errors_of(response);
  if (!errors.empty()) throw DataApiError(std::move(errors));
  return response;
}

const nlohmann::ordered_json& status_of(const nlohmann::ordered_json& response) {
  static const nlohmann::ordered_json kNoStatus = nlohmann::ordered_json::object();
  const auto status = response.find("status");
  return status != response.end() && status->is_object() ? *status : kNoStatus;
}

std::int64_t status_integer(const nlohmann::ordered_json& response, const char* key) {
  const nlohmann::ordered_json& status = status_of(response);
  const auto value = status.find(key);
  if (value == status.end() || !value->is_number_integer()) {
    throw_malformed(std::string("an integer status.") + key, response);
  }
  return value->get<std::int64_t>();
}

std::optional<nlohmann::ordered_json> upserted_id_of(const nlohmann::ordered_json& response) {
  const nlohmann::ordered_json& status = status_of(response);
  const auto id = status.find("upsertedId");
  if (id == status.end()) return std::nullopt;
  return *id;
}

std::vector<nlohmann::ordered_json> inserted_ids_of(const nlohmann::ordered_json& response) {
  const nlohmann::ordered_json& status = status_of(response);
  const auto ids = status.find("insertedIds");
  if (ids == status.end()) return {};
  if (!ids->is_array()) throw_malformed("an array status.insertedIds", response);
  return ids->get<std::vector<nlohmann::ordered_json>>();
}

FindResult read_find_result(nlohmann::ordered_json response) {
  const nlohmann::ordered_json& data = data_of(response);
  const auto documents = data.find("documents");
  if (documents == data.end() || !documents->is_array()) throw_malformed("an array data.documents", response);

  const nlohmann::ordered_json& status = status_of(response);
  FindResult result;
  // Moved, not copied: a ranked read answers up to 1,000 rows.
  auto& rows = response["data"]["documents"].get_ref<nlohmann::ordered_json::array_t&>();
  result.documents.assign(std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  result.next_page_state = next_page_state_of(data, response);
  if (const auto warnings = status.find("warnings"); warnings != status.end()) {
    result.warnings = error_objects(*warnings);
  }
  if (const auto vector = status.find("sortVector"); vector != status.end()) {
    result.sort_vector = vector_from_json(*vector);
  }
  if (status.contains("sortedRowCount")) result.sorted_row_count = status_integer(response, "sortedRowCount");
  return result;
}

std::optional<nlohmann::ordered_json> read_document(const nlohmann::ordered_json& response) {
  const nlohmann::ordered_json& data = data_of(response);
  const auto document = data.find("document");
  if (document == data.end()) throw_malformed("data.document", response);
  if (document->is_null()) return std::nullopt;
  return *document;
}

}  // namespace killrvideo::plugin::data::detail

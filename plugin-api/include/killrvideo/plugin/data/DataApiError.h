#pragma once
// A Data API command that failed: the response carried a non-empty `errors` array (data-api-wire §1.6).
// Thrown inside plugin code only; Registrar::route turns it into a 503 when the data store is out of
// reach and into the generic 500 otherwise.

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace killrvideo::plugin::data {

// api-contract §1.4: what a client sees when the database cannot answer.
inline constexpr std::string_view kDataStoreUnavailableDetail = "Unable to reach data store. Please try again later.";

// One error or warning object: {"id","family","scope","errorCode","title","message"[,"documentIds"]}.
struct ErrorObject {
  std::string id;
  std::string family;  // "REQUEST" or "SERVER"
  std::string scope;   // "DOCUMENT", "SCHEMA", "DATABASE", "WARNING", … or ""
  std::string error_code;
  std::string title;
  std::string message;    // human text: log it, never parse it
  nlohmann::ordered_json object;  // the object as received, for fields such as documentIds

  // Missing fields stay empty: a warning or a host-made error may carry fewer than six.
  static ErrorObject from_json(const nlohmann::ordered_json& object);
};

class DataApiError : public std::runtime_error {
 public:
  // `errors` is not empty; the first one names the failure.
  explicit DataApiError(std::vector<ErrorObject> errors);

  const std::string& error_code() const noexcept { return first().error_code; }
  const std::string& family() const noexcept { return first().family; }
  const std::string& scope() const noexcept { return first().scope; }
  const std::string& title() const noexcept { return first().title; }
  const std::string& message() const noexcept { return first().message; }
  const std::vector<ErrorObject>& errors() const noexcept { return errors_; }

  // The database (or a service behind it) could not answer, rather than the command being wrong:
  // family SERVER, UNAVAILABLE_DATABASE or a TIMEOUT_* code. Retrying later may succeed.
  bool is_data_store_unavailable() const noexcept;

 private:
  const ErrorObject& first() const noexcept { return errors_.front(); }
  std::vector<ErrorObject> errors_;
};

}  // namespace killrvideo::plugin::data

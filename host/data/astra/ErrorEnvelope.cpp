#include "data/astra/ErrorEnvelope.h"

#include <nlohmann/json.hpp>

#include "services/UuidGenerator.h"

namespace killrvideo::host::astra {

nlohmann::ordered_json error_envelope(const ErrorSpec& spec, const std::string& message) {
  UuidGenerator ids;
  nlohmann::ordered_json error = nlohmann::ordered_json::object();
  error["id"] = ids.uuid4();
  error["family"] = spec.family;
  error["scope"] = spec.scope;
  error["errorCode"] = spec.error_code;
  error["title"] = spec.title;
  error["message"] = message;
  return {{"errors", nlohmann::ordered_json::array({std::move(error)})}};
}

}  // namespace killrvideo::host::astra

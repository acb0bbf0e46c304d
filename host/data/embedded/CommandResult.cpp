#include "data/embedded/CommandResult.h"

namespace killrvideo::host::embedded {

nlohmann::ordered_json CommandResult::to_envelope() const {
  nlohmann::ordered_json envelope = nlohmann::ordered_json::object();
  nlohmann::ordered_json full_status = status;
  for (const auto& warning : warnings) full_status["warnings"].push_back(to_json(warning));
  if (!full_status.empty()) envelope["status"] = full_status;
  if (!errors.empty()) {
    for (const auto& error : errors) envelope["errors"].push_back(to_json(error));
  } else if (!data.is_null()) {
    envelope["data"] = data;
  }
  return envelope;
}

}  // namespace killrvideo::host::embedded

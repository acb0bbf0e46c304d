#include "data/embedded/CommandResult.h"

namespace killrvideo::host::embedded {

nlohmann::ordered_json CommandResult::to_envelope() && {
  nlohmann::ordered_json envelope = nlohmann::ordered_json::object();
  if (errors.empty() && !data.is_null()) envelope["data"] = std::move(data);
  for (const auto& warning : warnings) status["warnings"].push_back(to_json(warning));
  if (!status.empty()) envelope["status"] = std::move(status);
  for (const auto& error : errors) envelope["errors"].push_back(to_json(error));
  return envelope;
}

}  // namespace killrvideo::host::embedded

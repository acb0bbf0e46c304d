#include "data/embedded/CommandResult.h"

namespace killrvideo::host::embedded {

nlohmann::ordered_json CommandResult::to_envelope() && {
  nlohmann::ordered_json envelope = nlohmann::ordered_json::object();
  envelope.get_ref<nlohmann::ordered_json::object_t&>().reserve(3);  // growing would copy the data (page_of)
  if (errors.empty() && !data.is_null()) envelope["data"] = std::move(data);
  for (const auto& warning : warnings) status["warnings"].push_back(to_json(warning));
  if (!status.empty()) envelope["status"] = std::move(status);
  for (const auto& error : errors) envelope["errors"].push_back(to_json(error));
  return envelope;
}

nlohmann::ordered_json page_of(nlohmann::ordered_json documents, nlohmann::ordered_json next_page_state) {
  nlohmann::ordered_json page = nlohmann::ordered_json::object();
  page.get_ref<nlohmann::ordered_json::object_t&>().reserve(2);
  page["documents"] = std::move(documents);
  page["nextPageState"] = std::move(next_page_state);
  return page;
}

}  // namespace killrvideo::host::embedded

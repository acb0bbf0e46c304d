#include "AuditRoute.h"

#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"

#include "UuidInput.h"

namespace killrvideo::moderation {

void AuditRoute::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/moderation/audit", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return list(request); });
}

plugin::Response AuditRoute::list(const plugin::Request& request) const {
  const std::string content_id = uuid_input(plugin::required_query_string(request, "contentId"), "query", "contentId");
  const plugin::PageRequest page = plugin::page_request(request);
  const AuditPage entries = services_.audit.of_content(content_id, plugin::page_offset(page), page.page_size);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& entry : entries.entries) items.push_back(audit_entry_json(entry));
  return plugin::json_response(200, plugin::page_envelope(std::move(items), page, entries.total));
}

}  // namespace killrvideo::moderation

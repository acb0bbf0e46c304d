#include "FlagRoutes.h"

#include <algorithm>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"

#include "ErrorDetails.h"
#include "UuidInput.h"

namespace killrvideo::moderation {

namespace {

struct FlagRequest {
  std::string content_type;
  std::string content_id;
  std::string reason_code;
  std::optional<std::string> reason_text;
};

FlagRequest read_flag_request(const plugin::Request& request) {
  plugin::BodyReader body(request);
  auto content_type = body.choice("contentType", content_types());
  auto content_id = body.string("contentId", 0, SIZE_MAX);
  auto reason_code = body.choice("reasonCode", flag_reasons());
  auto reason_text = body.string("reasonText", 0, kMaxReasonTextLength, plugin::Presence::Optional);
  body.finish();
  return {*content_type, uuid_input(*content_id, "body", "contentId"), *reason_code, reason_text};
}

// `status` of #29: absent lists every flag; anything but a FlagStatus is a 422 (api-contract §4.6).
std::string queue_of(const plugin::Request& request) {
  const auto status = plugin::query_string(request, "status");
  if (!status) return kAllFlagsQueue;
  const auto& statuses = flag_statuses();
  if (std::find(statuses.begin(), statuses.end(), *status) != statuses.end()) return *status;
  throw plugin::ValidationError({{"enum",
                                  {"query", "status"},
                                  "Input should be 'open', 'under_review', 'approved' or 'rejected'",
                                  *status,
                                  {{"expected", "'open', 'under_review', 'approved' or 'rejected'"}}}});
}

}  // namespace

void FlagRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/flags", plugin::Access::Viewer,
                  [this](const plugin::Request& request) { return create_route(request); });
  registrar.route(plugin::Method::Get, "/api/v1/moderation/flags", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return list_route(request); });
  registrar.route(plugin::Method::Get, "/api/v1/moderation/flags/{flagId:uuid}", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return detail_route(request); });
}

plugin::Response FlagRoutes::create_route(const plugin::Request& request) const {
  const FlagRequest asked = read_flag_request(request);
  if (!services_.content.exists(asked.content_type, asked.content_id)) {
    throw plugin::NotFound(asked.content_type == "video" ? kVideoNotFoundDetail : kCommentNotFoundDetail);
  }
  Flag flag;
  flag.flag_id = services_.host.ids().timeuuid();
  flag.content_type = asked.content_type;
  flag.content_id = asked.content_id;
  flag.reason_code = asked.reason_code;
  flag.reason_text = asked.reason_text;
  flag.reporter_id = request.principal()->user_id;
  flag.created_ms = flag.updated_ms = services_.host.clock().now_ms();
  services_.flags.create(flag);
  services_.queue.add(flag);
  services_.audit.record({services_.host.ids().timeuuid(), flag.content_id, flag.content_type, "flagged",
                          flag.reporter_id, flag.flag_id, flagged_reason(flag), flag.created_ms});
  return plugin::json_response(201, flag_json(flag));
}

plugin::Response FlagRoutes::list_route(const plugin::Request& request) const {
  const std::string queue = queue_of(request);
  const plugin::PageRequest page = plugin::page_request(request);
  const QueuePage listed = services_.queue.page(queue, plugin::page_offset(page), page.page_size);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& flag : services_.flags.find_many(listed.ids)) items.push_back(flag_json(flag));
  return plugin::json_response(200, plugin::page_envelope(std::move(items), page, listed.total));
}

plugin::Response FlagRoutes::detail_route(const plugin::Request& request) const {
  const auto flag = services_.flags.find(std::string(request.path_param("flagId").value_or("")));
  if (!flag) throw plugin::NotFound(kFlagNotFoundDetail);
  return plugin::json_response(200, flag_json(*flag));
}

}  // namespace killrvideo::moderation

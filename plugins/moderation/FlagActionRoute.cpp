#include "FlagActionRoute.h"

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/UtcTime.h"

#include "ErrorDetails.h"
#include "ModerationTables.h"

namespace killrvideo::moderation {

void FlagActionRoute::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/moderation/flags/{flagId:uuid}/action", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return act(request); });
}

plugin::Response FlagActionRoute::act(const plugin::Request& request) const {
  plugin::BodyReader body(request);
  auto status = body.choice("status", flag_statuses());
  auto notes = body.string("moderatorNotes", 0, kMaxModeratorNotesLength, plugin::Presence::Optional);
  body.finish();
  const FlagDecision decision{*status, request.principal()->user_id, notes, services_.host.clock().now_ms()};
  const FlagTransition transition =
      services_.flags.decide(std::string(request.path_param("flagId").value_or("")), decision);
  if (transition.outcome == FlagTransition::Outcome::NotFound) throw plugin::NotFound(kFlagNotFoundDetail);
  if (transition.outcome == FlagTransition::Outcome::AlreadyResolved) throw plugin::BadRequest(kFlagAlreadyResolvedDetail);
  follow_up(*transition.before, *transition.after);
  return plugin::json_response(200, flag_json(*transition.after));
}

void FlagActionRoute::follow_up(const Flag& before, const Flag& after) const {
  services_.queue.move(after, before.status, after.status);
  services_.audit.record({services_.host.ids().timeuuid(), after.content_id, after.content_type, "status:" + after.status,
                          after.moderator_id, after.flag_id, before.status + " -> " + after.status +
                          (after.moderator_notes ? ": " + *after.moderator_notes : ""), after.updated_ms});
  if (after.status != kStatusApproved) return;
  // The owner (catalog for videos, comments_ratings for comments) removes it and announces the removal,
  // which the audit trail records from that announcement.
  services_.host.events().publish(kContentRemovedTopic, {{"contentType", after.content_type},
                                                         {"contentId", after.content_id},
                                                         {"moderatorId", *after.moderator_id},
                                                         {"flagId", after.flag_id},
                                                         {"reasonCode", after.reason_code},
                                                         {"at", plugin::iso_timestamp(after.updated_ms)}});
}

}  // namespace killrvideo::moderation

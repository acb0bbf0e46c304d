#pragma once
// Writes the owners' announcements of removals and restores to the audit trail: `video.removed`,
// `video.restored` (catalog) and `comment.removed`, `comment.restored` (comments_ratings). They carry
// the moderator and the time, and are published only when the change happened — also for restores
// made through #35 / #36, which never pass through this plugin.

#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Registrar.h"

#include "ModerationServices.h"

namespace killrvideo::moderation {

class RemovalAudit {
 public:
  explicit RemovalAudit(ModerationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  void record(const std::string& topic, const nlohmann::json& event, const char* content_type, const char* id_field,
              const char* action) const;
  void subscribe(plugin::Registrar& registrar, const char* topic, const char* content_type, const char* id_field,
                 const char* action);

  ModerationServices& services_;
};

}  // namespace killrvideo::moderation

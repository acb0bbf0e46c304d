#pragma once
// A user's recent activity, newest first (api-contract §4.7, #37).

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "ActivityStore.h"

namespace killrvideo::accounts {

// Today and the 29 days before it, at most 33 rows from each (the reference's 1000 // 30).
inline constexpr int kActivityDays = 30;
inline constexpr std::size_t kActivityRowsPerDay = 33;

class ActivityRoutes {
 public:
  ActivityRoutes(plugin::HostServices& host, const ActivityStore& activity);

  void register_with(plugin::Registrar& registrar);

  // GET /api/v1/users/{userId}/activity[?activity_type=&page=&pageSize=]
  plugin::Response list(const plugin::Request& request) const;

 private:
  // Every partition of the window, each read on its own; a partition that fails is skipped and logged.
  std::vector<nlohmann::ordered_json> recent(const std::string& user_id,
                                             const std::optional<std::string>& activity_type) const;

  plugin::HostServices& host_;
  const ActivityStore& activity_;
};

}  // namespace killrvideo::accounts

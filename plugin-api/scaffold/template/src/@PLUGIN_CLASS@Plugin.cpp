#include "@PLUGIN_CLASS@Plugin.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/EventFields.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Schema.h"
#include "killrvideo/plugin/data/Table.h"

namespace @PLUGIN_NAME@ {

namespace {

namespace plugin = killrvideo::plugin;
namespace data = killrvideo::plugin::data;

std::string greeting_from(const nlohmann::json& config) {
  const auto configured = config.find("greeting");
  if (configured == config.end()) return "Hello";
  if (!configured->is_string()) throw std::invalid_argument("@PLUGIN_NAME@: config.greeting must be a string");
  return configured->get<std::string>();
}

// One partition per video, found by its id only.
data::TableSpec last_views_table() {
  return data::TableSpec(kLastViewsTable)
      .column("video_id", "uuid")
      .column("viewed_at", "timestamp")
      .partition_by({"video_id"});
}

}  // namespace

@PLUGIN_CLASS@Plugin::@PLUGIN_CLASS@Plugin(plugin::HostServices& host) : host_(host), greeting_(greeting_from(host.config())) {}

void @PLUGIN_CLASS@Plugin::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/@PLUGIN_NAME@/videos/{videoId:uuid}", plugin::Access::Public,
                  [this](const plugin::Request& request) { return last_view(request); });
  data::own(registrar, last_views_table());
  registrar.subscribe(kVideoViewedTopic,
                      [this](const std::string&, const nlohmann::json& event) { remember_view(event); });
}

plugin::Response @PLUGIN_CLASS@Plugin::last_view(const plugin::Request& request) const {
  const std::string video_id(request.path_param("videoId").value_or(""));
  const auto row = data::Table(host_.data(), kLastViewsTable).find_one(data::Filter().eq("video_id", video_id));
  nlohmann::json viewed_at = nullptr;
  if (row && row->contains("viewed_at")) viewed_at = (*row)["viewed_at"];
  return plugin::json_response(200, {{"greeting", greeting_}, {"videoId", video_id}, {"lastViewedAt", viewed_at}});
}

void @PLUGIN_CLASS@Plugin::remember_view(const nlohmann::json& event) const {
  const std::string video_id = plugin::event_uuid(event, kVideoViewedTopic, "videoId");
  data::Table(host_.data(), kLastViewsTable)
      .insert_one({{"video_id", video_id}, {"viewed_at", plugin::iso_timestamp(host_.clock().now_ms())}});
}

}  // namespace @PLUGIN_NAME@

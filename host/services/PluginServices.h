#pragma once
// One plugin's view of the host (plugin::HostServices): its name, its config block, and the shared
// services, with publishing tagged by the plugin's name.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "services/SpdlogLogger.h"

namespace killrvideo::host {

class EventBus;

struct SharedServices {
  plugin::DataClient* data = nullptr;
  const EventBus* events = nullptr;
  plugin::AuthService* auth = nullptr;
  plugin::Embedder* embedder = nullptr;
  plugin::Clock* clock = nullptr;
  plugin::IdGenerator* ids = nullptr;
};

class PluginServices final : public plugin::HostServices, private plugin::EventBus {
 public:
  PluginServices(std::string plugin_name, nlohmann::json config, SharedServices shared);

  const std::string& plugin_name() const noexcept override { return name_; }
  const nlohmann::json& config() const noexcept override { return config_; }
  plugin::DataClient& data() noexcept override { return *shared_.data; }
  plugin::EventBus& events() noexcept override { return *this; }
  plugin::AuthService& auth() noexcept override { return *shared_.auth; }
  plugin::Embedder& embedder() noexcept override { return *shared_.embedder; }
  plugin::Clock& clock() noexcept override { return *shared_.clock; }
  plugin::IdGenerator& ids() noexcept override { return *shared_.ids; }
  plugin::Logger& log() noexcept override { return logger_; }

 private:
  void publish(const std::string& topic, const nlohmann::json& payload) noexcept override;

  std::string name_;
  nlohmann::json config_;
  SharedServices shared_;
  SpdlogLogger logger_;
};

}  // namespace killrvideo::host

#include "data/ScopedDataClient.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace killrvideo::host {

namespace {

nlohmann::ordered_json refusal_envelope(const std::string& message) {
  return {{"errors", nlohmann::ordered_json::array({{{"family", "REQUEST"},
                                             {"scope", "SECURITY"},
                                             {"errorCode", "PLUGIN_ACCESS_DENIED"},
                                             {"title", "Plugin may not run this command"},
                                             {"message", message}}})}};
}

std::string command_name_of(const nlohmann::ordered_json& command) {
  if (!command.is_object() || command.size() != 1) return {};
  return command.begin().key();
}

}  // namespace

bool is_read_command(const std::string& command_name) noexcept {
  return command_name == "find" || command_name == "findOne" || command_name == "countDocuments" ||
         command_name == "estimatedDocumentCount" || command_name == "listIndexes";
}

ScopedDataClient::ScopedDataClient(std::string plugin, plugin::DataClient& backend)
    : plugin_(std::move(plugin)), backend_(backend) {}

void ScopedDataClient::grant(std::set<std::string> owned, std::set<std::string> readable) {
  owned_ = std::move(owned);
  readable_ = std::move(readable);
}

std::string ScopedDataClient::refusal_for(const std::string& target, const std::string& command_name) const {
  if (target.empty()) {
    return "plugin '" + plugin_ + "' may not run keyspace command '" + command_name +
           "'; the host creates declared tables at start-up";
  }
  if (owned_.count(target) != 0) return {};
  if (is_read_command(command_name)) {
    if (readable_.count(target) != 0) return {};
    return "plugin '" + plugin_ + "' reads '" + target + "' without declaring it (Registrar::read_table)";
  }
  return "plugin '" + plugin_ + "' may not run '" + command_name + "' on '" + target + "', which it does not own";
}

nlohmann::ordered_json ScopedDataClient::execute(const std::string& target, const nlohmann::ordered_json& command) noexcept {
  try {
    const std::string refusal = refusal_for(target, command_name_of(command));
    if (refusal.empty()) return backend_.execute(target, command);
    spdlog::error("{}", refusal);
    return refusal_envelope(refusal);
  } catch (const std::exception& e) {
    return refusal_envelope(std::string("command refused: ") + e.what());
  }
}

}  // namespace killrvideo::host

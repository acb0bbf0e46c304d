#pragma once
// One plugin's door to the data seam, enforcing ownership (design §5): it writes only the tables and
// collections it owns, reads only those it owns or declared with read_table, and never runs keyspace
// commands (the host creates what plugins declare at start-up).

#include <mutex>
#include <set>
#include <string>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

class ScopedDataClient final : public plugin::DataClient {
 public:
  ScopedDataClient(std::string plugin, plugin::DataClient& backend);

  // Called once, after the plugin registered and before it starts: until then every command is refused.
  void grant(std::set<std::string> owned, std::set<std::string> readable);

  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;

 private:
  std::string refusal_for(const std::string& target, const std::string& command_name) const;

  std::string plugin_;
  plugin::DataClient& backend_;
  std::set<std::string> owned_;
  std::set<std::string> readable_;
};

// True for commands that only read (find, findOne, countDocuments, estimatedDocumentCount, listIndexes).
bool is_read_command(const std::string& command_name) noexcept;

}  // namespace killrvideo::host

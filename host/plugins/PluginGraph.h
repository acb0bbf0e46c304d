#pragma once
#include <set>
#include <string>
#include <vector>

#include "plugins/Registration.h"

namespace killrvideo::host {

// Checks what the enabled plugins declared against each other and orders them for start-up (design §2.7,
// §5): no route or table claimed twice, reads and requirements only of enabled owners, no cycles.
class PluginGraph {
 public:
  // `registrations` in config order; `disabled` = the names listed with enabled: false.
  PluginGraph(const std::vector<Registration>& registrations, std::set<std::string> disabled);

  // Throws PluginError with one line naming the plugins involved.
  void validate() const;
  // Indexes into `registrations`: every plugin after those it requires or reads from. Stop in reverse.
  std::vector<std::size_t> start_order() const;
  // Why each other plugin cannot run without `plugin`: "plugin 'b' requires it", "plugin 'b' reads its
  // table 't'", or "plugin 'b' has routes that look up accounts through it" (its account lookup). Empty
  // when `plugin` may go.
  std::vector<std::string> dependents_of(const std::string& plugin) const;

 private:
  void check_problems() const;
  void check_routes() const;
  void check_owned_names() const;
  void check_importers() const;
  void check_reads() const;
  void check_requirements() const;
  std::string absence_of(const std::string& plugin) const;
  std::vector<std::string> dependencies_of(const Registration& registration) const;
  const Registration* find(const std::string& plugin) const;

  const std::vector<Registration>& registrations_;
  std::set<std::string> disabled_;
};

}  // namespace killrvideo::host

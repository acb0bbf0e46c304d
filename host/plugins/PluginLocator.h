#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace killrvideo::host {

// Finds a plugin's file: an absolute path (or one containing '/') is taken as is; a name is looked up as
// <dir>/<name>.so in each plugin directory, in order.
class PluginLocator {
 public:
  explicit PluginLocator(std::vector<std::filesystem::path> directories);

  // Throws PluginError listing the directories searched.
  std::filesystem::path locate(const std::string& name_or_path) const;
  // The plugin name a config entry stands for: its name, or the file stem of a path.
  static std::string name_of(const std::string& name_or_path);

 private:
  std::vector<std::filesystem::path> directories_;
};

}  // namespace killrvideo::host

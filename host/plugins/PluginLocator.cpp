#include "plugins/PluginLocator.h"

#include "plugins/PluginError.h"

namespace killrvideo::host {

namespace {

bool is_path(const std::string& name_or_path) { return name_or_path.find('/') != std::string::npos; }

}  // namespace

PluginLocator::PluginLocator(std::vector<std::filesystem::path> directories)
    : directories_(std::move(directories)) {}

std::filesystem::path PluginLocator::locate(const std::string& name_or_path) const {
  if (is_path(name_or_path)) return name_or_path;
  std::string searched;
  for (const auto& directory : directories_) {
    const auto candidate = directory / (name_or_path + ".so");
    std::error_code ignored;
    if (std::filesystem::is_regular_file(candidate, ignored)) return candidate;
    searched += (searched.empty() ? "" : ", ") + directory.string();
  }
  throw PluginError("plugin '" + name_or_path + "': no file " + name_or_path + ".so in " +
                    (searched.empty() ? std::string("(no plugin directories)") : searched));
}

std::string PluginLocator::name_of(const std::string& name_or_path) {
  return is_path(name_or_path) ? std::filesystem::path(name_or_path).stem().string() : name_or_path;
}

}  // namespace killrvideo::host

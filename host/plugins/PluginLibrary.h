#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "killrvideo/plugin/Abi.h"

namespace killrvideo::host {

// One plugin .so, opened with RTLD_NOW | RTLD_LOCAL and gated (PluginGate) before any of its code runs.
// Never unloaded while the process serves: objects it produced may still be alive (design §2.6).
class PluginLibrary {
 public:
  // Throws PluginError naming `label` and the file.
  PluginLibrary(const std::string& label, const std::filesystem::path& file);
  ~PluginLibrary();
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const plugin::PluginDescriptor& descriptor() const noexcept { return *descriptor_; }
  const std::filesystem::path& file() const noexcept { return file_; }

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::filesystem::path file_;
  const plugin::PluginDescriptor* descriptor_ = nullptr;
};

}  // namespace killrvideo::host

#include "plugins/PluginLibrary.h"

#include <boost/dll/shared_library.hpp>

#include "plugins/PluginError.h"
#include "plugins/PluginGate.h"

namespace killrvideo::host {

struct PluginLibrary::Handle {
  boost::dll::shared_library library;
};

PluginLibrary::PluginLibrary(const std::string& label, const std::filesystem::path& file)
    : handle_(std::make_unique<Handle>()), file_(file) {
  const std::string where = "plugin '" + label + "' (" + file.string() + "): ";
  std::error_code exists_error;
  if (!std::filesystem::is_regular_file(file, exists_error)) {
    throw PluginError(where + "file not found");
  }
  boost::dll::fs::error_code load_error;
  handle_->library.load(file.string(),
                        boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, load_error);
  if (load_error) throw PluginError(where + "cannot load: " + load_error.message());
  if (!handle_->library.has(plugin::kEntryPointName)) {
    throw PluginError(where + "not a KillrVideo plugin: no entry point '" + plugin::kEntryPointName + "'");
  }
  auto& entry = handle_->library.get_alias<plugin::PluginEntryFn>(plugin::kEntryPointName);
  descriptor_ = entry();
  if (descriptor_ == nullptr) throw PluginError(where + "entry point returned no descriptor");
  if (const std::string refusal = check_descriptor(*descriptor_); !refusal.empty()) {
    throw PluginError(where + refusal);
  }
}

// Deliberately keeps the library mapped: see the class comment.
PluginLibrary::~PluginLibrary() { (void)handle_.release(); }

}  // namespace killrvideo::host

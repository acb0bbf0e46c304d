#include "plugins/PluginGate.h"

#include "plugins/FingerprintMismatch.h"

#include <cstring>
#include <nlohmann/json.hpp>  // the fingerprint names its version: it must be the one the host uses

#include <fmt/format.h>

namespace killrvideo::host {

const char* host_fingerprint() noexcept { return KILLRVIDEO_PLUGIN_FINGERPRINT; }

std::string check_descriptor(const plugin::PluginDescriptor& descriptor) {
  using namespace killrvideo::plugin;
  if (descriptor.magic != kDescriptorMagic) {
    return fmt::format("bad descriptor magic: host {:#x}, plugin {:#x} — the file was not built with "
                       "KILLRVIDEO_PLUGIN from plugin-api",
                       kDescriptorMagic, descriptor.magic);
  }
  if (descriptor.abi_major != kAbiMajor) {
    return fmt::format("ABI major version mismatch: host {}, plugin {} — rebuild the plugin against plugin-api {} "
                       "(the SDK this host was built with)",
                       kAbiMajor, descriptor.abi_major, KILLRVIDEO_PLUGIN_API_VERSION);
  }
  if (descriptor.abi_minor > kAbiMinor) {
    return fmt::format("plugin needs a newer host: host ABI {}.{}, plugin ABI {}.{} — upgrade the host, or rebuild "
                       "the plugin against plugin-api {}",
                       kAbiMajor, kAbiMinor, descriptor.abi_major, descriptor.abi_minor,
                       KILLRVIDEO_PLUGIN_API_VERSION);
  }
  if (descriptor.struct_size < sizeof(PluginDescriptor)) {
    return fmt::format("descriptor too small: host expects {} bytes, plugin has {} — rebuild the plugin against "
                       "plugin-api {}",
                       sizeof(PluginDescriptor), descriptor.struct_size, KILLRVIDEO_PLUGIN_API_VERSION);
  }
  const char* theirs = descriptor.fingerprint != nullptr ? descriptor.fingerprint : "";
  if (std::strcmp(theirs, host_fingerprint()) != 0) {
    return "ABI fingerprint mismatch: " + explain_fingerprint_mismatch(host_fingerprint(), theirs);
  }
  if (descriptor.name == nullptr || descriptor.name[0] == '\0' || descriptor.create == nullptr ||
      descriptor.destroy == nullptr) {
    return "descriptor incomplete: it has no name, factory or destroy function";
  }
  return {};
}

}  // namespace killrvideo::host

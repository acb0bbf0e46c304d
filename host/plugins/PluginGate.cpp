#include "plugins/PluginGate.h"

#include <cstring>
#include <nlohmann/json.hpp>  // the fingerprint names its version: it must be the one the host uses

#include <fmt/format.h>

namespace killrvideo::host {

const char* host_fingerprint() noexcept { return KILLRVIDEO_PLUGIN_FINGERPRINT; }

std::string check_descriptor(const plugin::PluginDescriptor& descriptor) {
  using namespace killrvideo::plugin;
  if (descriptor.magic != kDescriptorMagic) {
    return fmt::format("bad descriptor magic: host {:#x}, plugin {:#x}", kDescriptorMagic, descriptor.magic);
  }
  if (descriptor.abi_major != kAbiMajor) {
    return fmt::format("ABI major version mismatch: host {}, plugin {}", kAbiMajor, descriptor.abi_major);
  }
  if (descriptor.abi_minor > kAbiMinor) {
    return fmt::format("plugin needs a newer host: host ABI {}.{}, plugin ABI {}.{}", kAbiMajor, kAbiMinor,
                       descriptor.abi_major, descriptor.abi_minor);
  }
  if (descriptor.struct_size < sizeof(PluginDescriptor)) {
    return fmt::format("descriptor too small: host expects {} bytes, plugin has {}", sizeof(PluginDescriptor),
                       descriptor.struct_size);
  }
  const char* theirs = descriptor.fingerprint != nullptr ? descriptor.fingerprint : "";
  if (std::strcmp(theirs, host_fingerprint()) != 0) {
    return fmt::format("ABI fingerprint mismatch: host '{}', plugin '{}'", host_fingerprint(), theirs);
  }
  if (descriptor.name == nullptr || descriptor.name[0] == '\0' || descriptor.create == nullptr ||
      descriptor.destroy == nullptr) {
    return "descriptor incomplete: it has no name, factory or destroy function";
  }
  return {};
}

}  // namespace killrvideo::host

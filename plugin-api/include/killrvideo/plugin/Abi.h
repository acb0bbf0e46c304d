#pragma once
// The plain-data descriptor every plugin exports, and the values the host checks before it calls
// anything else in a plugin (design §2). Nothing here may change layout within an ABI major version.

#include <cstddef>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::plugin {

class PluginInstance;
class HostServices;

inline constexpr std::uint32_t kDescriptorMagic = 0x4B565047;  // "KVPG"
inline constexpr std::uint16_t kAbiMajor = 1;
inline constexpr std::uint16_t kAbiMinor = 5;
// Bumped with any change to a header in plugin-api/include: types in them cross the boundary.
#define KILLRVIDEO_PLUGIN_API_VERSION "1.11.0"
inline constexpr const char* kPluginApiVersion = KILLRVIDEO_PLUGIN_API_VERSION;

// The name under which a plugin exports its entry point (through BOOST_DLL_ALIAS).
inline constexpr const char* kEntryPointName = "killrvideo_plugin_entry";

#define KILLRVIDEO_STRINGIFY_INNER(x) #x
#define KILLRVIDEO_STRINGIFY(x) KILLRVIDEO_STRINGIFY_INNER(x)

// Everything that must match for C++ objects to cross the .so boundary safely: the compiler's C++ ABI,
// the standard library's string/list ABI, the language level, and the versions of the libraries whose
// types appear in plugin-api headers. Computed where it is compiled, so the host and each plugin carry
// their own value and the host compares them.
#define KILLRVIDEO_PLUGIN_FINGERPRINT                                                            \
  "gxx-abi=" KILLRVIDEO_STRINGIFY(__GXX_ABI_VERSION)                                              \
  ";cxx11-abi=" KILLRVIDEO_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)                                      \
  ";cplusplus=" KILLRVIDEO_STRINGIFY(__cplusplus)                                                 \
  ";nlohmann-json=" KILLRVIDEO_STRINGIFY(NLOHMANN_JSON_VERSION_MAJOR) "." KILLRVIDEO_STRINGIFY(   \
      NLOHMANN_JSON_VERSION_MINOR) "." KILLRVIDEO_STRINGIFY(NLOHMANN_JSON_VERSION_PATCH)          \
  ";plugin-api=" KILLRVIDEO_PLUGIN_API_VERSION

extern "C" {

// Creates the plugin. On failure returns nullptr and writes a message into `error` (NUL-terminated).
using CreatePluginFn = PluginInstance* (*)(HostServices* host, char* error, std::size_t error_size);
// Frees what CreatePluginFn allocated: whoever allocates frees (design §2.3).
using DestroyPluginFn = void (*)(PluginInstance* instance);

struct PluginDescriptor {
  std::uint32_t magic;
  std::uint32_t struct_size;
  std::uint16_t abi_major;
  std::uint16_t abi_minor;
  const char* fingerprint;
  const char* name;
  const char* version;
  CreatePluginFn create;
  DestroyPluginFn destroy;
};

// The signature of the exported entry point.
using PluginEntryFn = const PluginDescriptor* ();
}

}  // namespace killrvideo::plugin

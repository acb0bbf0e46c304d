#pragma once
// Include from exactly one file of a plugin (its plugin.cpp) and write
//   KILLRVIDEO_PLUGIN(MyPlugin, "name", "1.0.0")
// at namespace scope. It defines the descriptor and exports the entry point; loading the library runs
// nothing (registration is the host's explicit call to register_with).

#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include <boost/dll/alias.hpp>

#include "killrvideo/plugin/Abi.h"
#include "killrvideo/plugin/Plugin.h"

namespace killrvideo::plugin::detail {

template <class Body>
std::string failure_of(Body&& body) noexcept {
  try {
    body();
    return {};
  } catch (const std::exception& e) {
    return e.what()[0] ? e.what() : "unknown error";
  } catch (...) {
    return "non-standard exception";
  }
}

template <class P>
class PluginAdapter final : public PluginInstance {
 public:
  explicit PluginAdapter(HostServices& host) : plugin_(host) {}
  std::string register_with(Registrar& registrar) noexcept override {
    return failure_of([&] { plugin_.register_with(registrar); });
  }
  std::string start() noexcept override { return failure_of([&] { plugin_.start(); }); }
  std::string stop() noexcept override { return failure_of([&] { plugin_.stop(); }); }

 private:
  P plugin_;
};

template <class P>
PluginInstance* create_plugin(HostServices* host, char* error, std::size_t error_size) noexcept {
  PluginInstance* instance = nullptr;
  std::string failure = failure_of([&] { instance = new PluginAdapter<P>(*host); });
  if (!failure.empty() && error_size > 0) std::snprintf(error, error_size, "%s", failure.c_str());
  return instance;
}

inline void destroy_plugin(PluginInstance* instance) noexcept { delete instance; }

}  // namespace killrvideo::plugin::detail

#define KILLRVIDEO_PLUGIN(PluginClass, plugin_name, plugin_version)                                  \
  namespace {                                                                                        \
  const ::killrvideo::plugin::PluginDescriptor* killrvideo_plugin_descriptor() {                     \
    static const ::killrvideo::plugin::PluginDescriptor descriptor{                                  \
        ::killrvideo::plugin::kDescriptorMagic,                                                      \
        sizeof(::killrvideo::plugin::PluginDescriptor),                                              \
        ::killrvideo::plugin::kAbiMajor,                                                             \
        ::killrvideo::plugin::kAbiMinor,                                                             \
        KILLRVIDEO_PLUGIN_FINGERPRINT,                                                               \
        plugin_name,                                                                                 \
        plugin_version,                                                                              \
        &::killrvideo::plugin::detail::create_plugin<PluginClass>,                                   \
        &::killrvideo::plugin::detail::destroy_plugin};                                              \
    return &descriptor;                                                                              \
  }                                                                                                  \
  }                                                                                                  \
  BOOST_DLL_ALIAS(killrvideo_plugin_descriptor, killrvideo_plugin_entry)

#include "plugins/PluginGate.h"

#include <gtest/gtest.h>

#include "killrvideo/plugin/Plugin.h"

namespace killrvideo::host {
namespace {

plugin::PluginInstance* create(plugin::HostServices*, char*, std::size_t) { return nullptr; }
void destroy(plugin::PluginInstance*) {}

plugin::PluginDescriptor valid_descriptor() {
  return {plugin::kDescriptorMagic, sizeof(plugin::PluginDescriptor), plugin::kAbiMajor, plugin::kAbiMinor,
          host_fingerprint(), "sample", "1.0.0", &create, &destroy};
}

TEST(PluginGateTest, AcceptsADescriptorBuiltLikeTheHost) { EXPECT_EQ(check_descriptor(valid_descriptor()), ""); }

TEST(PluginGateTest, FingerprintNamesTheCompilerAbiAndLibraryVersions) {
  const std::string fingerprint = host_fingerprint();
  EXPECT_EQ(fingerprint.rfind("gxx-abi=", 0), 0U);
  EXPECT_NE(fingerprint.find(";cxx11-abi=1;"), std::string::npos);
  EXPECT_NE(fingerprint.find(";nlohmann-json=3."), std::string::npos);
  EXPECT_NE(fingerprint.find(";plugin-api=" KILLRVIDEO_PLUGIN_API_VERSION), std::string::npos);
}

TEST(PluginGateTest, RefusesOtherMagic) {
  auto descriptor = valid_descriptor();
  descriptor.magic = 0x12345678;
  EXPECT_EQ(check_descriptor(descriptor),
            "bad descriptor magic: host 0x4b565047, plugin 0x12345678 — the file was not built with "
            "KILLRVIDEO_PLUGIN from plugin-api");
}

TEST(PluginGateTest, RefusesOtherMajorAndNewerMinor) {
  auto descriptor = valid_descriptor();
  descriptor.abi_major = plugin::kAbiMajor + 1;
  EXPECT_EQ(check_descriptor(descriptor), "ABI major version mismatch: host 1, plugin 2 — rebuild the plugin against "
                                         "plugin-api " KILLRVIDEO_PLUGIN_API_VERSION " (the SDK this host was built with)");
  descriptor = valid_descriptor();
  descriptor.abi_minor = plugin::kAbiMinor + 1;
  EXPECT_EQ(check_descriptor(descriptor), "plugin needs a newer host: host ABI 1." + std::to_string(plugin::kAbiMinor) +
                                              ", plugin ABI 1." + std::to_string(plugin::kAbiMinor + 1) +
                                              " — upgrade the host, or rebuild the plugin against plugin-api "
                                              KILLRVIDEO_PLUGIN_API_VERSION);
}

TEST(PluginGateTest, AcceptsAnOlderMinor) {
  // A host at minor N serves descriptors of any minor ≤ N (the fingerprint still has to match).
  auto descriptor = valid_descriptor();
  descriptor.abi_minor = 0;
  EXPECT_EQ(check_descriptor(descriptor), "");
}

TEST(PluginGateTest, RefusesAnotherLanguageLevelNamingOnlyThatFieldAndItsFix) {
  std::string theirs = host_fingerprint();
  const std::string mine = ";cplusplus=" KILLRVIDEO_STRINGIFY(__cplusplus) ";";
  theirs.replace(theirs.find(mine), mine.size(), ";cplusplus=202002L;");
  auto descriptor = valid_descriptor();
  descriptor.fingerprint = theirs.c_str();
  EXPECT_EQ(check_descriptor(descriptor),
            "ABI fingerprint mismatch: C++ standard: host C++17 (201703L), plugin C++20 (202002L) — build the plugin "
            "with -std=c++17 (CMAKE_CXX_STANDARD 17)");
}

TEST(PluginGateTest, RefusesATruncatedOrIncompleteDescriptor) {
  auto descriptor = valid_descriptor();
  descriptor.struct_size = 8;
  EXPECT_NE(check_descriptor(descriptor).find("descriptor too small"), std::string::npos);
  descriptor = valid_descriptor();
  descriptor.create = nullptr;
  EXPECT_NE(check_descriptor(descriptor).find("descriptor incomplete"), std::string::npos);
}

}  // namespace
}  // namespace killrvideo::host

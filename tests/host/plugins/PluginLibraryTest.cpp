// Opening real .so files: the built example plugin and the deliberately bad fixtures.

#include "plugins/PluginLibrary.h"

#include <gtest/gtest.h>

#include "plugins/PluginError.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::host {
namespace {

std::string load_error(const std::string& file) {
  try {
    PluginLibrary library("probe", file);
    return "";
  } catch (const PluginError& e) {
    return e.what();
  }
}

TEST(PluginLibraryTest, OpensTheExamplePluginAndReadsItsDescriptor) {
  PluginLibrary library("example", testing::plugin_dir() + "/example.so");
  EXPECT_STREQ(library.descriptor().name, "example");
  EXPECT_NE(library.descriptor().create, nullptr);
}

TEST(PluginLibraryTest, MissingFile) {
  EXPECT_EQ(load_error("/nonexistent/x.so"), "plugin 'probe' (/nonexistent/x.so): file not found");
}

TEST(PluginLibraryTest, NotASharedObject) {
  const testing::TempDir dir;
  const std::string file = dir.write("text.so", "not an ELF file");
  const std::string error = load_error(file);
  EXPECT_EQ(error.rfind("plugin 'probe' (" + file + "): cannot load: ", 0), 0U) << error;
}

TEST(PluginLibraryTest, NoEntryPoint) {
  const std::string file = testing::fixture_dir() + "/no_entry_point.so";
  EXPECT_EQ(load_error(file),
            "plugin 'probe' (" + file + "): not a KillrVideo plugin: no entry point 'killrvideo_plugin_entry'");
}

TEST(PluginLibraryTest, WrongFingerprintIsRefusedBeforeAnythingRuns) {
  const std::string error = load_error(testing::fixture_dir() + "/wrong_fingerprint.so");
  EXPECT_NE(error.find("ABI fingerprint mismatch"), std::string::npos) << error;
}

}  // namespace
}  // namespace killrvideo::host

#include "plugins/FingerprintMismatch.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

constexpr const char* kHost = "gxx-abi=1017;cxx11-abi=1;cplusplus=201703L;nlohmann-json=3.11.2;plugin-api=1.7.0";

TEST(FingerprintMismatchTest, EqualFingerprintsExplainNothing) { EXPECT_EQ(explain_fingerprint_mismatch(kHost, kHost), ""); }

TEST(FingerprintMismatchTest, NamesTheLanguageLevelAndTheFlagToUse) {
  EXPECT_EQ(explain_fingerprint_mismatch(
                kHost, "gxx-abi=1017;cxx11-abi=1;cplusplus=202002L;nlohmann-json=3.11.2;plugin-api=1.7.0"),
            "C++ standard: host C++17 (201703L), plugin C++20 (202002L) — build the plugin with -std=c++17 "
            "(CMAKE_CXX_STANDARD 17)");
}

TEST(FingerprintMismatchTest, NamesEveryDifferingFieldInTheFingerprintsOrder) {
  EXPECT_EQ(explain_fingerprint_mismatch(
                kHost, "gxx-abi=1016;cxx11-abi=0;cplusplus=201703L;nlohmann-json=3.10.5;plugin-api=1.6.0"),
            "C++ compiler ABI (__GXX_ABI_VERSION): host 1017, plugin 1016 — build the plugin with the compiler the "
            "host was built with (same GCC major version); "
            "libstdc++ string ABI (_GLIBCXX_USE_CXX11_ABI): host 1, plugin 0 — build the plugin with "
            "-D_GLIBCXX_USE_CXX11_ABI=1; "
            "nlohmann/json: host 3.11.2, plugin 3.10.5 — build the plugin against nlohmann/json 3.11.2; "
            "plugin-api headers: host 1.7.0, plugin 1.6.0 — rebuild the plugin against plugin-api 1.7.0 "
            "(find_package(KillrVideoPluginApi 1.7.0 EXACT))");
}

TEST(FingerprintMismatchTest, AMissingOrUnknownFieldIsNamedToo) {
  EXPECT_EQ(explain_fingerprint_mismatch(kHost, "gxx-abi=1017;cxx11-abi=1;cplusplus=201703L;nlohmann-json=3.11.2;"
                                                "plugin-api=1.7.0;sanitizer=asan"),
            "fingerprint field 'sanitizer': host (none), plugin asan — rebuild the plugin against this host's "
            "plugin-api");
  EXPECT_EQ(explain_fingerprint_mismatch(kHost, "gxx-abi=1017;cxx11-abi=1;cplusplus=201703L;nlohmann-json=3.11.2"),
            "plugin-api headers: host 1.7.0, plugin (none) — rebuild the plugin against plugin-api 1.7.0 "
            "(find_package(KillrVideoPluginApi 1.7.0 EXACT))");
}

TEST(FingerprintMismatchTest, AnUnpublishedLanguageLevelIsShownAsItsValue) {
  EXPECT_EQ(explain_fingerprint_mismatch(
                kHost, "gxx-abi=1017;cxx11-abi=1;cplusplus=202100L;nlohmann-json=3.11.2;plugin-api=1.7.0"),
            "C++ standard: host C++17 (201703L), plugin __cplusplus 202100L — build the plugin with -std=c++17 "
            "(CMAKE_CXX_STANDARD 17)");
}

}  // namespace
}  // namespace killrvideo::host

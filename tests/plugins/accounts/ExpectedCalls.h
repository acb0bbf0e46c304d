#pragma once
// Asserting the exact Data API commands a plugin sent through FakeDataClient, in order.

#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/FakeHost.h"

namespace killrvideo::accounts::testing {

inline plugin::testing::DataCall call(const char* target, nlohmann::ordered_json command) {
  return {target, std::move(command)};
}

inline void expect_calls(plugin::testing::FakeHost& host, const std::vector<plugin::testing::DataCall>& expected) {
  const auto calls = host.data().calls();
  ASSERT_EQ(calls.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(calls[i].target, expected[i].target) << "call " << i;
    EXPECT_EQ(calls[i].command, expected[i].command) << "call " << i;
  }
}

}  // namespace killrvideo::accounts::testing

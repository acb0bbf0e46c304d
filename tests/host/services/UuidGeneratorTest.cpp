#include "services/UuidGenerator.h"

#include <set>

#include <gtest/gtest.h>

#include "killrvideo/plugin/Validation.h"

namespace killrvideo::host {
namespace {

TEST(UuidGeneratorTest, Uuid4IsCanonicalVersion4AndUnique) {
  UuidGenerator ids;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = ids.uuid4();
    ASSERT_TRUE(plugin::is_canonical_uuid(id)) << id;
    EXPECT_EQ(id[14], '4');
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(UuidGeneratorTest, TimeuuidIsCanonicalVersion1AndUnique) {
  UuidGenerator ids;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = ids.timeuuid();
    ASSERT_TRUE(plugin::is_canonical_uuid(id)) << id;
    EXPECT_EQ(id[14], '1');
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

}  // namespace
}  // namespace killrvideo::host

// Reading event payloads: required fields throw naming the topic and the field, optional ones are absent.

#include <gtest/gtest.h>

#include "killrvideo/plugin/EventFields.h"

namespace killrvideo::plugin {
namespace {

const nlohmann::json kEvent = {{"videoId", "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"},
                               {"moderatorId", nullptr},
                               {"at", "2025-06-15T15:06:40.000Z"},
                               {"count", 3}};

std::string failure(void (*read)()) {
  try {
    read();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(EventFieldsTest, RequiredFieldsAreRead) {
  EXPECT_EQ(event_uuid(kEvent, "video.removed", "videoId"), "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  EXPECT_EQ(event_time(kEvent, "video.removed", "at"), 1'750'000'000'000);
  EXPECT_EQ(event_text(kEvent, "video.removed", "at"), "2025-06-15T15:06:40.000Z");
}

TEST(EventFieldsTest, ABadRequiredFieldNamesTheTopicAndTheField) {
  EXPECT_EQ(failure([] { event_text(kEvent, "video.removed", "count"); }), "video.removed: `count` must be a string");
  EXPECT_EQ(failure([] { event_uuid(kEvent, "video.removed", "at"); }),
            "video.removed: `at` '2025-06-15T15:06:40.000Z' is not a UUID");
  EXPECT_EQ(failure([] { event_time(kEvent, "video.removed", "videoId"); }),
            "video.removed: `videoId` '5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b' is not ISO-8601");
  EXPECT_EQ(failure([] { event_text(nlohmann::json::array(), "video.removed", "videoId"); }),
            "video.removed: `videoId` must be a string");
}

TEST(EventFieldsTest, OptionalFieldsMayBeNullOrAbsent) {
  EXPECT_EQ(optional_event_text(kEvent, "moderatorId"), std::nullopt);
  EXPECT_EQ(optional_event_text(kEvent, "missing"), std::nullopt);
  EXPECT_EQ(optional_event_text(kEvent, "count"), std::nullopt);
  EXPECT_EQ(optional_event_text(kEvent, "at"), "2025-06-15T15:06:40.000Z");
}

}  // namespace
}  // namespace killrvideo::plugin

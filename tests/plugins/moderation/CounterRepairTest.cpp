// The recounts behind killrvideo-load --recount: queue rows and counts rebuilt from the flags, audit
// counts from the audit rows; a second run finds nothing to correct.

#include <string>

#include "ModerationFixture.h"

namespace killrvideo::moderation::testing {
namespace {

using nlohmann::json;

class CounterRepairTest : public ModerationFixture {
 protected:
  void corrupt(const std::string& collection, const std::string& id, const json& values) {
    host_.execute(collection, {{"updateOne", {{"filter", {{"_id", id}}}, {"update", {{"$set", values}}},
                                               {"options", {{"upsert", true}}}}}});
  }
};

TEST_F(CounterRepairTest, QueueCountsAndRowsAreRebuiltFromTheFlags) {
  const std::string kept = flag_id();
  const std::string decided = flag_id();
  ASSERT_EQ(act(decided, {{"status", "rejected"}}).status, 200);
  corrupt("flag_counts", "open", {{"months", {{"2025-06", 9}}}});
  corrupt("flag_counts", "approved", {{"months", {{"2025-06", 2}}}});
  // A decision that stopped before its row moved: the rejected flag's row is still in "open".
  host_.execute("flag_queue", {{"insertOne", {{"document", {{"queue", "open"}, {"day", plugin::utc_day(start_ms_ + 2000)},
                                                            {"created_at", seconds_later(2)},
                                                            {"flagid", decided}}}}}});

  const auto corrections = host_.fake().run_recount("flag_counts");
  EXPECT_EQ(corrections.size(), 3U) << json(corrections).dump();
  const json open = get("/api/v1/moderation/flags?status=open");
  EXPECT_EQ(open["pagination"]["totalItems"], 1);
  ASSERT_EQ(open["data"].size(), 1U);
  EXPECT_EQ(open["data"][0]["flagId"], kept);
  EXPECT_EQ(get("/api/v1/moderation/flags?status=approved")["pagination"]["totalItems"], 0);
  EXPECT_EQ(get("/api/v1/moderation/flags")["pagination"]["totalItems"], 2);
  EXPECT_TRUE(host_.fake().run_recount("flag_counts").empty());
}

TEST_F(CounterRepairTest, AuditCountsAreRebuiltFromTheEntries) {
  flag_id();
  flag_id();
  corrupt("moderation_audit_counts", kVideo, {{"entries", 7}});
  corrupt("moderation_audit_counts", kComment, {{"entries", 1}});
  EXPECT_EQ(host_.fake().run_recount("moderation_audit_counts"),
            std::vector<std::string>({std::string("moderation_audit_counts ") + kComment + ": 1 -> 0",
                                      std::string("moderation_audit_counts ") + kVideo + ": 7 -> 2"}));
  EXPECT_EQ(get(std::string("/api/v1/moderation/audit?contentId=") + kVideo)["pagination"]["totalItems"], 2);
  EXPECT_TRUE(host_.fake().run_recount("moderation_audit_counts").empty());
}

}  // namespace
}  // namespace killrvideo::moderation::testing

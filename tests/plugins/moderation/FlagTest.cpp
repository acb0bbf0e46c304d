// A flag as stored and as answered: every field survives the round trip through its document.

#include <gtest/gtest.h>

#include "Flag.h"

namespace killrvideo::moderation {
namespace {

TEST(FlagTest, ADocumentKeepsEveryField) {
  Flag flag;
  flag.flag_id = "0b7d9f60-7283-11f0-8a21-6c7d8e9fa0b1";
  flag.content_type = "comment";
  flag.content_id = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  flag.reason_code = "other";
  flag.reason_text = "why";
  flag.reporter_id = "8c4a6e3d-4f50-4182-9dce-3f4a5b6c7d8e";
  flag.created_ms = 1'750'000'000'000;
  flag.updated_ms = 1'750'000'001'000;
  flag.status = kStatusApproved;
  flag.moderator_id = "9d5b7f4e-5061-4293-8edf-4a5b6c7d8e9f";
  flag.moderator_notes = "notes";
  flag.resolved_ms = 1'750'000'001'000;
  EXPECT_EQ(flag_json(flag_from(flag_document(flag))), flag_json(flag));
  EXPECT_EQ(flag_document(flag)["flaggedReason"], "other:why");
}

TEST(FlagTest, OnlyOpenAndUnderReviewAreUnresolved) {
  EXPECT_TRUE(is_unresolved(kStatusOpen));
  EXPECT_TRUE(is_unresolved(kStatusUnderReview));
  EXPECT_FALSE(is_unresolved(kStatusApproved));
  EXPECT_TRUE(is_final(kStatusRejected));
  EXPECT_FALSE(is_final(kStatusUnderReview));
}

TEST(FlagTest, ADocumentWithoutAReporterIsRefused) {
  nlohmann::ordered_json document = {{"_id", "x"}, {"contentType", "video"}, {"contentId", "y"}, {"reasonCode", "spam"}};
  EXPECT_THROW(flag_from(document), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::moderation

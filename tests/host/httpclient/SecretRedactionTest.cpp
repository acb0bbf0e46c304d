#include "httpclient/SecretRedaction.h"

#include <gtest/gtest.h>

namespace killrvideo::host::httpclient {
namespace {

TEST(SecretRedaction, ReplacesEveryOccurrence) {
  EXPECT_EQ(redact("key sk-123 refused; sk-123 is unknown", "sk-123"), "key [redacted] refused; [redacted] is unknown");
}

TEST(SecretRedaction, ASecretInsideTheMaskIsNotFoundAgain) {
  EXPECT_EQ(redact("red", "red"), "[redacted]");
}

TEST(SecretRedaction, AnEmptySecretLeavesTheTextAlone) { EXPECT_EQ(redact("nothing secret", ""), "nothing secret"); }

}  // namespace
}  // namespace killrvideo::host::httpclient

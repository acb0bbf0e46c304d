// The host's ownership rules on the data seam (design §5), seen through a real plugin over HTTP.

#include <gtest/gtest.h>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

class OwnershipTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(test_config("  - { name: example }\n  - { name: needs_example }\n"));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  std::string first_error_code(const std::string& query) {
    const auto body = client_.get("/api/v1/fixtures/needs-example/data?" + query).json();
    return body["errors"][0]["errorCode"];
  }
  std::string first_error_message(const std::string& query) {
    const auto body = client_.get("/api/v1/fixtures/needs-example/data?" + query).json();
    return body["errors"][0]["message"];
  }
  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* OwnershipTest::server_ = nullptr;

TEST_F(OwnershipTest, WritingATableItOnlyReadsIsRefused) {
  EXPECT_EQ(first_error_code("target=example_notes&command=insertOne"), "PLUGIN_ACCESS_DENIED");
  EXPECT_EQ(first_error_message("target=example_notes&command=insertOne"),
            "plugin 'needs_example' may not run 'insertOne' on 'example_notes', which it does not own");
}

TEST_F(OwnershipTest, ReadingADeclaredTableReachesTheBackend) {
  // No database in this config: the command got past the ownership check to the backend.
  EXPECT_EQ(first_error_code("target=example_notes&command=find"), "UNAVAILABLE_DATABASE");
}

TEST_F(OwnershipTest, ReadingAnUndeclaredTableIsRefused) {
  EXPECT_EQ(first_error_message("target=videos&command=find"),
            "plugin 'needs_example' reads 'videos' without declaring it (Registrar::read_table)");
}

TEST_F(OwnershipTest, KeyspaceCommandsAreRefused) {
  EXPECT_EQ(first_error_code("target=&command=find"), "PLUGIN_ACCESS_DENIED");
}

}  // namespace
}  // namespace killrvideo::testing

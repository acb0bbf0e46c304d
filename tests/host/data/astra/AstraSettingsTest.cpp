// Where the endpoint, token and keyspace come from, and which configs the client refuses to start with.

#include "data/astra/AstraSettings.h"

#include <cstdlib>
#include <optional>
#include <stdexcept>

#include <gtest/gtest.h>

#include "data/astra/AstraDataClient.h"
#include "tests/host/data/astra/AstraTestConfig.h"

namespace killrvideo::host::astra {
namespace {

using testing::astra_config;
using testing::kTestToken;

// Sets (or clears) an environment variable for one test and puts the old value back afterwards.
class ScopedVariable {
 public:
  ScopedVariable(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedVariable() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string construction_error(const AstraConfig& config) {
  try {
    AstraDataClient client(config);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ResolveAstraConfig, FillsEmptyFieldsFromTheEnvironment) {
  ScopedVariable endpoint(kEndpointVariable, "https://db-id-us-east-2.apps.astra.datastax.com");
  ScopedVariable token(kTokenVariable, "AstraCS:from-env");
  ScopedVariable keyspace(kKeyspaceVariable, "env_keyspace");
  AstraConfig empty;
  empty.keyspace.clear();
  const AstraConfig resolved = resolve_astra_config(empty);
  EXPECT_EQ(resolved.endpoint, "https://db-id-us-east-2.apps.astra.datastax.com");
  EXPECT_EQ(resolved.token, "AstraCS:from-env");
  EXPECT_EQ(resolved.keyspace, "env_keyspace");
}

TEST(ResolveAstraConfig, KeepsWhatTheConfigSet) {
  ScopedVariable endpoint(kEndpointVariable, "https://other.example");
  ScopedVariable token(kTokenVariable, "AstraCS:other");
  ScopedVariable keyspace(kKeyspaceVariable, "other");
  const AstraConfig resolved = resolve_astra_config(astra_config("http://127.0.0.1:9"));
  EXPECT_EQ(resolved.endpoint, "http://127.0.0.1:9");
  EXPECT_EQ(resolved.token, kTestToken);
  EXPECT_EQ(resolved.keyspace, "killrvideo");
}

TEST(ResolveAstraConfig, KeyspaceDefaultsToKillrvideo) {
  ScopedVariable keyspace(kKeyspaceVariable, nullptr);
  AstraConfig empty;
  empty.keyspace.clear();
  EXPECT_EQ(resolve_astra_config(empty).keyspace, "killrvideo");
}

TEST(ResolveAstraConfig, MissingVariablesLeaveFieldsEmpty) {
  ScopedVariable endpoint(kEndpointVariable, nullptr);
  ScopedVariable token(kTokenVariable, nullptr);
  const AstraConfig resolved = resolve_astra_config(AstraConfig{});
  EXPECT_TRUE(resolved.endpoint.empty());
  EXPECT_TRUE(resolved.token.empty());
}

TEST(AstraDataClientConstruction, MissingEndpointNamesTheSettingAndVariable) {
  auto config = astra_config("");
  const std::string error = construction_error(config);
  EXPECT_NE(error.find("database.astra.endpoint"), std::string::npos) << error;
  EXPECT_NE(error.find("ASTRA_DB_API_ENDPOINT"), std::string::npos) << error;
}

TEST(AstraDataClientConstruction, MissingTokenNamesTheSettingAndVariable) {
  auto config = astra_config("https://db.example");
  config.token.clear();
  const std::string error = construction_error(config);
  EXPECT_NE(error.find("database.astra.token"), std::string::npos) << error;
  EXPECT_NE(error.find("ASTRA_DB_APPLICATION_TOKEN"), std::string::npos) << error;
}

TEST(AstraDataClientConstruction, RefusesOtherSchemesBadKeyspacesAndTimeouts) {
  EXPECT_NE(construction_error(astra_config("ftp://db.example")).find("https://"), std::string::npos);
  auto bad_keyspace = astra_config("https://db.example");
  bad_keyspace.keyspace = "kv/../admin";
  EXPECT_NE(construction_error(bad_keyspace).find("keyspace"), std::string::npos);
  EXPECT_NE(construction_error(astra_config("https://db.example", 0)).find("timeout_ms"), std::string::npos);
}

TEST(AstraDataClientConstruction, ErrorsNeverContainTheToken) {
  auto config = astra_config("ftp://db.example", 0);
  EXPECT_EQ(construction_error(config).find(kTestToken), std::string::npos);
  config.endpoint = "https://db.example";
  config.keyspace = "";
  EXPECT_EQ(construction_error(config).find(kTestToken), std::string::npos);
}

TEST(AstraDataClientConstruction, AcceptsAUsableConfig) {
  EXPECT_EQ(construction_error(astra_config("https://db-id-us-east-2.apps.astra.datastax.com/")), "");
}

}  // namespace
}  // namespace killrvideo::host::astra

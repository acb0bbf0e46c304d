#include "config/ConfigLoader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace killrvideo::host {
namespace {

using Strings = std::vector<std::string>;

// Sets (or, with nullopt, unsets) an environment variable for the length of a test.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, std::optional<std::string> value) : name_(std::move(name)) {
    if (const char* previous = std::getenv(name_.c_str())) {
      previous_ = previous;
    }
    apply(value);
  }
  ~ScopedEnv() { apply(previous_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void apply(const std::optional<std::string>& value) {
    if (value) {
      setenv(name_.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

  std::string name_;
  std::optional<std::string> previous_;
};

Config parse(const std::string& yaml) { return parse_config(yaml, "test.yaml"); }

// The message of the ConfigError that parsing `yaml` throws; empty when it parses.
std::string parse_error(const std::string& yaml) {
  try {
    parse(yaml);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

std::string load_error(const std::string& path) {
  try {
    load_config(path);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

std::filesystem::path source_dir() {
  const char* from_ctest = std::getenv("KILLRVIDEO_SOURCE_DIR");
  return from_ctest != nullptr ? from_ctest : KILLRVIDEO_SOURCE_DIR_AT_BUILD;
}

// A file in the test's temporary directory, removed afterwards.
class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("killrvideo-config-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".yaml")) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(ConfigLoaderTest, EmptyFileGivesTheDefaults) {
  const Config config = parse("");

  EXPECT_EQ(config.source_path, "test.yaml");
  EXPECT_EQ(config.server.listen, "0.0.0.0");
  EXPECT_EQ(config.server.port, 8000);
  EXPECT_EQ(config.server.io_threads, 2);
  EXPECT_EQ(config.server.workers, 16);
  EXPECT_EQ(config.server.queue_capacity, 1024);
  EXPECT_EQ(config.server.max_body_bytes, 1048576u);
  EXPECT_EQ(config.server.cors_origins, Strings{"http://localhost:8080"});
  EXPECT_EQ(config.server.shutdown_grace_seconds, 30);
  EXPECT_EQ(config.server.access_log, "stdout");
  EXPECT_EQ(config.server.response_cache_ms, 1000);
  EXPECT_EQ(config.auth.jwt_secret, "");
  EXPECT_EQ(config.auth.token_ttl_minutes, 30);
  EXPECT_EQ(config.auth.bcrypt_cost, 12);
  EXPECT_EQ(config.auth.default_roles, (Strings{"viewer", "creator"}));
  EXPECT_EQ(config.auth.moderators, Strings{});
  EXPECT_FALSE(config.auth.development);
  EXPECT_EQ(config.database.backend, "embedded");
  EXPECT_EQ(config.database.embedded.data_dir, "./data");
  EXPECT_EQ(config.database.astra.endpoint, "");
  EXPECT_EQ(config.database.astra.token, "");
  EXPECT_EQ(config.database.astra.keyspace, "killrvideo");
  EXPECT_EQ(config.database.astra.timeout_ms, 10000);
  EXPECT_EQ(config.embedding.provider, "local");
  EXPECT_EQ(config.embedding.dimension, 384);
  EXPECT_EQ(config.embedding.base_url, "");
  EXPECT_EQ(config.embedding.model, "");
  EXPECT_EQ(config.embedding.api_key, "");
  EXPECT_EQ(config.embedding.query_input_type, "");
  EXPECT_EQ(config.embedding.document_input_type, "");
  EXPECT_EQ(config.embedding.truncate, "");
  EXPECT_EQ(config.embedding.batch_size, 32);
  EXPECT_EQ(config.embedding.timeout_ms, 10000);
  EXPECT_EQ(config.embedding.max_attempts, 3);
  EXPECT_EQ(config.plugin_dirs, Strings{});
  EXPECT_TRUE(config.plugins.empty());
}

TEST(ConfigLoaderTest, SectionWithEveryLineCommentedOutKeepsItsDefaults) {
  const Config config = parse("server:\n  # port: 9000\nauth:\n");

  EXPECT_EQ(config.server.port, 8000);
  EXPECT_EQ(config.auth.bcrypt_cost, 12);
}

TEST(ConfigLoaderTest, ListWithNoValueIsEmpty) {
  EXPECT_EQ(parse("auth:\n  default_roles:\n").auth.default_roles, Strings{});
}

TEST(ConfigLoaderTest, ReadsEverySection) {
  const Config config = parse(R"(
server:
  listen: 127.0.0.1
  port: 9090
  io_threads: 3
  workers: 4
  queue_capacity: 5
  max_body_bytes: 6000
  cors_origins:
    - https://a.example
    - https://b.example
  shutdown_grace_seconds: 7
  access_log: off
  response_cache_ms: 0
auth:
  jwt_secret: s3cret
  token_ttl_minutes: 60
  bcrypt_cost: 4
  default_roles: [viewer]
  moderators: [mod@example.com, boss@example.com]
  development: true
database:
  backend: astra
  embedded: { data_dir: /var/lib/killrvideo }
  astra:
    endpoint: https://db.example
    token: AstraCS:abc
    keyspace: videos
    timeout_ms: 2500
embedding:
  provider: openai-compatible
  dimension: 4096
  base_url: http://localhost:11434/v1
  model: nvidia/nv-embed-v2
  api_key: sk-test
  query_input_type: query
  document_input_type: passage
  truncate: END
  batch_size: 50
  timeout_ms: 1500
  max_attempts: 5
plugin_dirs: [/opt/killrvideo/plugins, ./more-plugins]
plugins:
  - name: accounts
  - { name: /opt/extra/libsearch.so, enabled: false }
)");

  EXPECT_EQ(config.server.listen, "127.0.0.1");
  EXPECT_EQ(config.server.port, 9090);
  EXPECT_EQ(config.server.io_threads, 3);
  EXPECT_EQ(config.server.workers, 4);
  EXPECT_EQ(config.server.queue_capacity, 5);
  EXPECT_EQ(config.server.max_body_bytes, 6000u);
  EXPECT_EQ(config.server.cors_origins, (Strings{"https://a.example", "https://b.example"}));
  EXPECT_EQ(config.server.shutdown_grace_seconds, 7);
  EXPECT_EQ(config.server.access_log, "off");
  EXPECT_EQ(config.server.response_cache_ms, 0);
  EXPECT_EQ(config.auth.jwt_secret, "s3cret");
  EXPECT_EQ(config.auth.token_ttl_minutes, 60);
  EXPECT_EQ(config.auth.bcrypt_cost, 4);
  EXPECT_EQ(config.auth.default_roles, Strings{"viewer"});
  EXPECT_EQ(config.auth.moderators, (Strings{"mod@example.com", "boss@example.com"}));
  EXPECT_TRUE(config.auth.development);
  EXPECT_EQ(config.database.backend, "astra");
  EXPECT_EQ(config.database.embedded.data_dir, "/var/lib/killrvideo");
  EXPECT_EQ(config.database.astra.endpoint, "https://db.example");
  EXPECT_EQ(config.database.astra.token, "AstraCS:abc");
  EXPECT_EQ(config.database.astra.keyspace, "videos");
  EXPECT_EQ(config.database.astra.timeout_ms, 2500);
  EXPECT_EQ(config.embedding.provider, "openai-compatible");
  EXPECT_EQ(config.embedding.dimension, 4096);
  EXPECT_EQ(config.embedding.base_url, "http://localhost:11434/v1");
  EXPECT_EQ(config.embedding.model, "nvidia/nv-embed-v2");
  EXPECT_EQ(config.embedding.api_key, "sk-test");
  EXPECT_EQ(config.embedding.query_input_type, "query");
  EXPECT_EQ(config.embedding.document_input_type, "passage");
  EXPECT_EQ(config.embedding.truncate, "END");
  EXPECT_EQ(config.embedding.batch_size, 50);
  EXPECT_EQ(config.embedding.timeout_ms, 1500);
  EXPECT_EQ(config.embedding.max_attempts, 5);
  EXPECT_EQ(config.plugin_dirs, (Strings{"/opt/killrvideo/plugins", "./more-plugins"}));
  ASSERT_EQ(config.plugins.size(), 2u);
  EXPECT_EQ(config.plugins[0].name, "accounts");
  EXPECT_TRUE(config.plugins[0].enabled);
  EXPECT_EQ(config.plugins[0].config_json, "{}");
  EXPECT_EQ(config.plugins[0].line, 44);
  EXPECT_EQ(config.plugins[1].name, "/opt/extra/libsearch.so");
  EXPECT_FALSE(config.plugins[1].enabled);
  EXPECT_EQ(config.plugins[1].line, 45);
}

TEST(ConfigLoaderTest, PortZeroAsksForAFreePort) { EXPECT_EQ(parse("server: {port: 0}").server.port, 0); }

TEST(ConfigLoaderTest, SubstitutesEnvironmentVariables) {
  const ScopedEnv secret("KV_TEST_SECRET", "from-env");
  const ScopedEnv keyspace("KV_TEST_KEYSPACE", "from-env-keyspace");
  const ScopedEnv unset("KV_TEST_UNSET", std::nullopt);
  const ScopedEnv empty("KV_TEST_EMPTY", "");

  const Config config = parse(R"(
auth:
  jwt_secret: "${KV_TEST_SECRET}"
  moderators: ["${KV_TEST_UNSET}", "a-${KV_TEST_SECRET}-b-${KV_TEST_SECRET}"]
database:
  embedded: { data_dir: "${KV_TEST_UNSET:-/srv/data}" }
  astra:
    endpoint: ${KV_TEST_EMPTY:-http://default}
    token: ${KV_TEST_UNSET:-}
    keyspace: "${KV_TEST_KEYSPACE:-killrvideo}"
embedding:
  model: $HOME and $ alone stay
)");

  EXPECT_EQ(config.auth.jwt_secret, "from-env");
  EXPECT_EQ(config.auth.moderators, (Strings{"", "a-from-env-b-from-env"}));
  EXPECT_EQ(config.database.embedded.data_dir, "/srv/data");
  EXPECT_EQ(config.database.astra.endpoint, "http://default");
  EXPECT_EQ(config.database.astra.token, "");
  EXPECT_EQ(config.database.astra.keyspace, "from-env-keyspace");
  EXPECT_EQ(config.embedding.model, "$HOME and $ alone stay");
}

TEST(ConfigLoaderTest, ConvertsTypesAfterSubstitution) {
  const ScopedEnv port("KV_TEST_PORT", "9123");
  const ScopedEnv unset("KV_TEST_UNSET", std::nullopt);

  const Config config = parse(R"(
server:
  port: ${KV_TEST_PORT}
  workers: "${KV_TEST_UNSET:-8}"
auth:
  development: ${KV_TEST_UNSET:-true}
)");

  EXPECT_EQ(config.server.port, 9123);
  EXPECT_EQ(config.server.workers, 8);
  EXPECT_TRUE(config.auth.development);
}

TEST(ConfigLoaderTest, SubstitutedValueCannotBreakTheYaml) {
  const ScopedEnv tricky("KV_TEST_TRICKY", "a: b # not a comment\n- [x, {y}]");

  EXPECT_EQ(parse("auth:\n  jwt_secret: ${KV_TEST_TRICKY}\n").auth.jwt_secret,
            "a: b # not a comment\n- [x, {y}]");
}

TEST(ConfigLoaderTest, RejectsMalformedVariableReferences) {
  EXPECT_EQ(parse_error("auth:\n  jwt_secret: \"${KV_TEST_SECRET\"\n"),
            "test.yaml:2: 'auth.jwt_secret': unterminated '${'");
  EXPECT_EQ(parse_error("auth:\n  jwt_secret: \"${NOT A NAME}\"\n"),
            "test.yaml:2: 'auth.jwt_secret': invalid environment variable name 'NOT A NAME'");
  EXPECT_EQ(parse_error("auth:\n  jwt_secret: \"${:-x}\"\n"),
            "test.yaml:2: 'auth.jwt_secret': invalid environment variable name ''");
}

TEST(ConfigLoaderTest, RejectsUnknownKeys) {
  EXPECT_EQ(parse_error("server:\n  port: 1\nsever:\n  port: 2\n"), "test.yaml:3: unknown key 'sever'");
  EXPECT_EQ(parse_error("server:\n  listen: 0.0.0.0\n  prot: 8000\n"),
            "test.yaml:3: unknown key 'server.prot'");
  EXPECT_EQ(parse_error("database:\n  astra:\n    keyspace: k\n    tokn: t\n"),
            "test.yaml:4: unknown key 'database.astra.tokn'");
  EXPECT_EQ(parse_error("plugins:\n  - name: accounts\n    enable: false\n"),
            "test.yaml:3: unknown key 'plugins[0].enable'");
}

TEST(ConfigLoaderTest, UnknownKeyIsReportedOnTheKeysLineWhenTheValueFollows) {
  EXPECT_EQ(parse_error("server:\n  prot:\n    8000\n"), "test.yaml:2: unknown key 'server.prot'");
}

TEST(ConfigLoaderTest, RejectsDuplicateKeys) {
  EXPECT_EQ(parse_error("server:\n  port: 1\n  port: 2\n"),
            "test.yaml:3: duplicate key 'server.port' (first on line 2)");
}

TEST(ConfigLoaderTest, RejectsKeysThatAreNotStrings) {
  EXPECT_EQ(parse_error("server:\n  ? [a, b]\n  : 1\n"),
            "test.yaml:2: 'server' has a key that is not a string");
}

TEST(ConfigLoaderTest, RejectsWrongTypes) {
  EXPECT_EQ(parse_error("server:\n  port: abc\n"),
            "test.yaml:2: 'server.port' must be an integer from 0 to 65535, got 'abc'");
  EXPECT_EQ(parse_error("server:\n  port: 80.5\n"),
            "test.yaml:2: 'server.port' must be an integer from 0 to 65535, got '80.5'");
  EXPECT_EQ(parse_error("server:\n  port:\n"),
            "test.yaml:2: 'server.port' must be an integer from 0 to 65535, got nothing");
  EXPECT_EQ(parse_error("server:\n  cors_origins: {a: b}\n"),
            "test.yaml:2: 'server.cors_origins' must be a list of strings, got a mapping");
  EXPECT_EQ(parse_error("server:\n  cors_origins:\n    - ok\n    - [nested]\n"),
            "test.yaml:4: 'server.cors_origins[1]' must be a string, got a list");
  EXPECT_EQ(parse_error("auth:\n  jwt_secret: [a, b]\n"),
            "test.yaml:2: 'auth.jwt_secret' must be a string, got a list");
  EXPECT_EQ(parse_error("auth:\n  development: yes\n"),
            "test.yaml:2: 'auth.development' must be true or false, got 'yes'");
  EXPECT_EQ(parse_error("server: 8000\n"), "test.yaml:1: 'server' must be a mapping, got '8000'");
  EXPECT_EQ(parse_error("database:\n  astra: [a]\n"),
            "test.yaml:2: 'database.astra' must be a mapping, got a list");
  EXPECT_EQ(parse_error("- server\n"), "test.yaml:1: the top level must be a mapping, got a list");
  EXPECT_EQ(parse_error("plugins: {name: accounts}\n"),
            "test.yaml:1: 'plugins' must be a list, got a mapping");
  EXPECT_EQ(parse_error("plugins:\n  - accounts\n"),
            "test.yaml:2: 'plugins[0]' must be a mapping, got 'accounts'");
  EXPECT_EQ(parse_error("plugin_dirs: ./plugins\n"),
            "test.yaml:1: 'plugin_dirs' must be a list of strings, got './plugins'");
}

TEST(ConfigLoaderTest, RejectsValuesOutsideTheirChoices) {
  EXPECT_EQ(parse_error("database:\n  backend: mongodb\n"),
            "test.yaml:2: 'database.backend' must be one of embedded, astra, none, got 'mongodb'");
  EXPECT_EQ(parse_error("embedding:\n  provider: openai\n"),
            "test.yaml:2: 'embedding.provider' must be one of local, openai-compatible, astra-vectorize, got "
            "'openai'");
  EXPECT_EQ(parse_error("server:\n  access_log: stderr\n"),
            "test.yaml:2: 'server.access_log' must be one of stdout, off, got 'stderr'");
  EXPECT_EQ(parse_error("server:\n  access_log: [stdout]\n"),
            "test.yaml:2: 'server.access_log' must be one of stdout, off, got a list");
}

TEST(ConfigLoaderTest, AcceptsEveryChoice) {
  EXPECT_EQ(parse("database: {backend: none}").database.backend, "none");
  EXPECT_EQ(parse("embedding: {provider: astra-vectorize}").embedding.provider, "astra-vectorize");
}

TEST(ConfigLoaderTest, ReadsTheVectorizeServiceAndItsStandIn) {
  const auto defaults = parse("embedding: {provider: astra-vectorize}").embedding.vectorize;
  EXPECT_EQ(defaults.provider, "nvidia");
  EXPECT_EQ(defaults.model_name, "NV-Embed-QA");
  EXPECT_EQ(defaults.stand_in, "");
  const auto set = parse("embedding:\n  provider: astra-vectorize\n  vectorize: {provider: openai, model_name: "
                         "text-embedding-3-small, stand_in: openai-compatible}\n")
                       .embedding.vectorize;
  EXPECT_EQ(set.provider, "openai");
  EXPECT_EQ(set.model_name, "text-embedding-3-small");
  EXPECT_EQ(set.stand_in, "openai-compatible");
  EXPECT_EQ(parse_error("embedding:\n  vectorize:\n    stand_in: astra\n"),
            "test.yaml:3: 'embedding.vectorize.stand_in' must be one of local, openai-compatible, got 'astra'");
  EXPECT_EQ(parse_error("embedding:\n  vectorize:\n    model: x\n"),
            "test.yaml:3: unknown key 'embedding.vectorize.model'");
}

TEST(ConfigLoaderTest, RejectsValuesOutOfRange) {
  const struct {
    std::string yaml;
    std::string message;
  } cases[] = {
      {"server: {port: 65536}", "test.yaml:1: 'server.port' must be an integer from 0 to 65535, got '65536'"},
      {"server: {port: -1}", "test.yaml:1: 'server.port' must be an integer from 0 to 65535, got '-1'"},
      {"server: {workers: 0}",
       "test.yaml:1: 'server.workers' must be an integer from 1 to 2147483647, got '0'"},
      {"server: {io_threads: 0}",
       "test.yaml:1: 'server.io_threads' must be an integer from 1 to 2147483647, got '0'"},
      {"server: {queue_capacity: 0}",
       "test.yaml:1: 'server.queue_capacity' must be an integer from 1 to 2147483647, got '0'"},
      {"server: {max_body_bytes: 0}",
       "test.yaml:1: 'server.max_body_bytes' must be an integer from 1 to 9223372036854775807, got '0'"},
      {"server: {shutdown_grace_seconds: -1}",
       "test.yaml:1: 'server.shutdown_grace_seconds' must be an integer from 0 to 2147483647, got '-1'"},
      {"server: {response_cache_ms: -1}",
       "test.yaml:1: 'server.response_cache_ms' must be an integer from 0 to 2147483647, got '-1'"},
      {"server: {workers: 2147483648}",
       "test.yaml:1: 'server.workers' must be an integer from 1 to 2147483647, got '2147483648'"},
      {"auth: {bcrypt_cost: 3}", "test.yaml:1: 'auth.bcrypt_cost' must be an integer from 4 to 31, got '3'"},
      {"auth: {bcrypt_cost: 32}",
       "test.yaml:1: 'auth.bcrypt_cost' must be an integer from 4 to 31, got '32'"},
      {"auth: {token_ttl_minutes: 0}",
       "test.yaml:1: 'auth.token_ttl_minutes' must be an integer from 1 to 2147483647, got '0'"},
      {"embedding: {dimension: 0}",
       "test.yaml:1: 'embedding.dimension' must be an integer from 1 to 4096, got '0'"},
      {"embedding: {dimension: 4097}",
       "test.yaml:1: 'embedding.dimension' must be an integer from 1 to 4096, got '4097'"},
      {"embedding: {batch_size: 0}", "test.yaml:1: 'embedding.batch_size' must be an integer from 1 to 2048, got '0'"},
      {"embedding: {batch_size: 2049}",
       "test.yaml:1: 'embedding.batch_size' must be an integer from 1 to 2048, got '2049'"},
      {"embedding: {timeout_ms: 0}",
       "test.yaml:1: 'embedding.timeout_ms' must be an integer from 1 to 2147483647, got '0'"},
      {"embedding: {max_attempts: 11}",
       "test.yaml:1: 'embedding.max_attempts' must be an integer from 1 to 10, got '11'"},
      {"database: {astra: {timeout_ms: 0}}",
       "test.yaml:1: 'database.astra.timeout_ms' must be an integer from 1 to 2147483647, got '0'"},
  };
  for (const auto& [yaml, message] : cases) {
    EXPECT_EQ(parse_error(yaml), message) << yaml;
  }
}

TEST(ConfigLoaderTest, AcceptsTheEndsOfEachRange) {
  const Config config =
      parse("server: {port: 65535, workers: 1}\nauth: {bcrypt_cost: 31}\nembedding: {dimension: 4096}");

  EXPECT_EQ(config.server.port, 65535);
  EXPECT_EQ(config.server.workers, 1);
  EXPECT_EQ(config.auth.bcrypt_cost, 31);
  EXPECT_EQ(config.embedding.dimension, 4096);
}

TEST(ConfigLoaderTest, RejectsDuplicatePluginNamesNamingBothLines) {
  EXPECT_EQ(
      parse_error("plugins:\n  - name: accounts\n  - name: catalog\n  - {name: accounts, enabled: false}\n"),
      "test.yaml:4: plugin 'accounts' is listed twice, on lines 2 and 4");
}

TEST(ConfigLoaderTest, RequiresANonEmptyPluginName) {
  EXPECT_EQ(parse_error("plugins:\n  - name: accounts\n  - enabled: true\n"),
            "test.yaml:3: 'plugins[1].name' is required");
  EXPECT_EQ(parse_error("plugins:\n  - name: \"\"\n"), "test.yaml:2: 'plugins[0].name' must not be empty");
}

TEST(ConfigLoaderTest, TurnsAPluginsConfigBlockIntoTypedJson) {
  const ScopedEnv limit("KV_TEST_LIMIT", "25");

  const Config config = parse(R"(
plugins:
  - name: search
    config:
      page_size: 20
      negative: -3
      ratio: 0.75
      tiny: 1e-3
      enabled: true
      disabled: false
      nothing: null
      tilde: ~
      empty:
      word: hello
      quoted_number: "20"
      quoted_bool: 'true'
      quoted_null: "null"
      yes_is_a_string: yes
      limit: ${KV_TEST_LIMIT}
      quoted_limit: "${KV_TEST_LIMIT}"
      nested: { depth: 2, tags: [a, 3, "4"] }
      Unknown-Keys_are: fine here
)");

  ASSERT_EQ(config.plugins.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(config.plugins[0].config_json), nlohmann::json::parse(R"({
    "page_size": 20, "negative": -3, "ratio": 0.75, "tiny": 0.001, "enabled": true, "disabled": false,
    "nothing": null, "tilde": null, "empty": null, "word": "hello", "quoted_number": "20",
    "quoted_bool": "true", "quoted_null": "null", "yes_is_a_string": "yes", "limit": 25,
    "quoted_limit": "25", "nested": {"depth": 2, "tags": ["a", 3, "4"]}, "Unknown-Keys_are": "fine here"
  })"));
  EXPECT_TRUE(nlohmann::json::parse(config.plugins[0].config_json)["page_size"].is_number_integer());
}

TEST(ConfigLoaderTest, EmptyPluginConfigBlockIsAnEmptyObject) {
  EXPECT_EQ(parse("plugins:\n  - name: a\n    config:\n").plugins[0].config_json, "{}");
  EXPECT_EQ(parse("plugins:\n  - {name: a, config: {}}\n").plugins[0].config_json, "{}");
}

TEST(ConfigLoaderTest, PluginConfigMustBeAMapping) {
  EXPECT_EQ(parse_error("plugins:\n  - name: a\n    config: [1, 2]\n"),
            "test.yaml:3: 'plugins[0].config' must be a mapping, got a list");
  EXPECT_EQ(parse_error("plugins:\n  - name: a\n    config:\n      k: 1\n      k: 2\n"),
            "test.yaml:5: duplicate key 'plugins[0].config.k' (first on line 4)");
}

TEST(ConfigLoaderTest, MultiLineValueInAMessageStaysOnOneLine) {
  EXPECT_EQ(parse_error("server:\n  port: |\n    80\n    81\n"),
            "test.yaml:2: 'server.port' must be an integer from 0 to 65535, got '80\\n81\\n'");
}

TEST(ConfigLoaderTest, ReportsYamlSyntaxErrorsWithTheLine) {
  EXPECT_EQ(parse_error("server:\n  cors_origins: [a, b\nauth: {}\n"),
            "test.yaml:3: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(parse_error("server: 1\n  port: 2\n"), "test.yaml:2: invalid YAML: illegal map value");
}

TEST(ConfigLoaderTest, LoadsAFileAndRemembersItsPath) {
  const TempFile file("server:\n  port: 8123\n");

  const Config config = load_config(file.path());

  EXPECT_EQ(config.source_path, file.path());
  EXPECT_EQ(config.server.port, 8123);
}

TEST(ConfigLoaderTest, ErrorsInAFileNameTheFile) {
  const TempFile file("server:\n  port: 8123\n  prot: 1\n");

  EXPECT_EQ(load_error(file.path()), file.path() + ":3: unknown key 'server.prot'");
}

TEST(ConfigLoaderTest, LoadsAnEmptyFile) {
  const TempFile file("");

  EXPECT_EQ(load_config(file.path()).server.port, 8000);
}

TEST(ConfigLoaderTest, ReportsAFileThatCannotBeRead) {
  EXPECT_EQ(load_error("/nonexistent/killrvideo.yaml"),
            "cannot read config file '/nonexistent/killrvideo.yaml': No such file or directory");
  const std::string directory = std::filesystem::temp_directory_path().string();
  EXPECT_EQ(load_error(directory), "cannot read config file '" + directory + "': Is a directory");
}

TEST(ConfigLoaderTest, EveryShippedConfigLoads) {
  const std::filesystem::path config_dir = source_dir() / "config";
  int loaded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(config_dir)) {
    if (entry.path().extension() == ".yaml") {
      EXPECT_NO_THROW(load_config(entry.path().string())) << entry.path();
      ++loaded;
    }
  }
  EXPECT_GE(loaded, 3) << config_dir;
}

TEST(ConfigLoaderTest, DefaultConfigIsTheEmbeddedDevelopmentSetup) {
  const ScopedEnv secret("KILLRVIDEO_JWT_SECRET", std::nullopt);

  const Config config = load_config((source_dir() / "config/killrvideo.yaml").string());

  EXPECT_EQ(config.server.listen, "0.0.0.0");
  EXPECT_EQ(config.server.port, 8000);
  EXPECT_EQ(config.server.cors_origins, Strings{"http://localhost:8080"});
  EXPECT_EQ(config.auth.jwt_secret, "");
  EXPECT_TRUE(config.auth.development);
  EXPECT_EQ(config.auth.default_roles, (Strings{"viewer", "creator"}));
  EXPECT_EQ(config.auth.moderators, Strings{"admin@example.com"});
  EXPECT_EQ(config.database.backend, "embedded");
  EXPECT_EQ(config.database.embedded.data_dir, "./data");
  EXPECT_EQ(config.embedding.provider, "local");
  EXPECT_EQ(config.embedding.dimension, 384);
  std::vector<std::string> enabled;
  std::vector<std::string> disabled;
  for (const auto& plugin : config.plugins) (plugin.enabled ? enabled : disabled).push_back(plugin.name);
  EXPECT_EQ(enabled, std::vector<std::string>(
                         {"accounts", "catalog", "search", "comments_ratings", "recommendations", "moderation"}));
  EXPECT_EQ(disabled, std::vector<std::string>({"example"}));
}

TEST(ConfigLoaderTest, AstraConfigReadsItsConnectionFromTheEnvironment) {
  const ScopedEnv endpoint("ASTRA_DB_API_ENDPOINT", "https://db-id.apps.astra.datastax.com");
  const ScopedEnv token("ASTRA_DB_APPLICATION_TOKEN", "AstraCS:token");
  const ScopedEnv keyspace("ASTRA_DB_KEYSPACE", std::nullopt);
  const ScopedEnv secret("KILLRVIDEO_JWT_SECRET", "prod-secret");

  const Config config = load_config((source_dir() / "config/astra.yaml").string());

  EXPECT_EQ(config.database.backend, "astra");
  EXPECT_EQ(config.database.astra.endpoint, "https://db-id.apps.astra.datastax.com");
  EXPECT_EQ(config.database.astra.token, "AstraCS:token");
  EXPECT_EQ(config.database.astra.keyspace, "killrvideo");
  EXPECT_EQ(config.auth.jwt_secret, "prod-secret");
  EXPECT_FALSE(config.auth.development);
}

TEST(ConfigLoaderTest, NimConfigReadsItsServerFromTheEnvironment) {
  const ScopedEnv url("KILLRVIDEO_EMBEDDING_URL", "https://integrate.api.nvidia.com/v1");
  const ScopedEnv key("NVIDIA_API_KEY", "nvapi-abc");
  const ScopedEnv model("KILLRVIDEO_EMBEDDING_MODEL", std::nullopt);
  const ScopedEnv data_dir("KILLRVIDEO_DATA_DIR", std::nullopt);

  const Config config = load_config((source_dir() / "config/nim.yaml").string());

  EXPECT_EQ(config.database.embedded.data_dir, "./data-nim");
  EXPECT_EQ(config.embedding.provider, "openai-compatible");
  EXPECT_EQ(config.embedding.base_url, "https://integrate.api.nvidia.com/v1");
  EXPECT_EQ(config.embedding.model, "nvidia/nv-embedqa-e5-v5");
  EXPECT_EQ(config.embedding.dimension, 1024);
  EXPECT_EQ(config.embedding.api_key, "nvapi-abc");
  EXPECT_EQ(config.embedding.query_input_type, "query");
  EXPECT_EQ(config.embedding.document_input_type, "passage");
  EXPECT_EQ(config.embedding.truncate, "END");
}

TEST(ConfigLoaderTest, AstraVectorizeConfigRunsOnAstraOrOfflineOnTheEmbeddedStore) {
  const ScopedEnv endpoint("ASTRA_DB_API_ENDPOINT", std::nullopt);
  const ScopedEnv token("ASTRA_DB_APPLICATION_TOKEN", std::nullopt);
  const ScopedEnv secret("KILLRVIDEO_JWT_SECRET", "prod-secret");
  const ScopedEnv data_dir("KILLRVIDEO_DATA_DIR", std::nullopt);
  const std::string file = (source_dir() / "config/astra-vectorize.yaml").string();
  {
    const ScopedEnv backend("KILLRVIDEO_DATABASE_BACKEND", std::nullopt);
    const Config config = load_config(file);
    EXPECT_EQ(config.database.backend, "astra");
    EXPECT_EQ(config.embedding.provider, "astra-vectorize");
    EXPECT_EQ(config.embedding.dimension, 1024);
    EXPECT_EQ(config.embedding.vectorize.provider, "nvidia");
    EXPECT_EQ(config.embedding.vectorize.model_name, "NV-Embed-QA");
    EXPECT_EQ(config.embedding.vectorize.stand_in, "local");
  }
  const ScopedEnv backend("KILLRVIDEO_DATABASE_BACKEND", "embedded");
  const Config offline = load_config(file);
  EXPECT_EQ(offline.database.backend, "embedded");
  EXPECT_EQ(offline.database.embedded.data_dir, "./data-vectorize");
}

TEST(ConfigLoaderTest, AdminTokenIsReadAndATooShortOneIsRefusedWithoutEchoingIt) {
  EXPECT_EQ(parse("").admin.token, "");
  EXPECT_EQ(parse("admin: {token: a-long-enough-admin-token}").admin.token, "a-long-enough-admin-token");
  const std::string error = parse_error("admin:\n  token: tiny-token\n");
  EXPECT_EQ(error, "test.yaml:2: 'admin.token' must be at least 16 characters (or empty to serve no admin routes)");
  EXPECT_EQ(error.find("tiny-token"), std::string::npos);
  EXPECT_NE(parse_error("admin: {tokn: x}").find("tokn"), std::string::npos);
}

}  // namespace
}  // namespace killrvideo::host

#include "config/ConfigLoader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "config/ConfigNode.h"
#include "config/PluginConfigJson.h"

namespace killrvideo::host {

namespace {

ServerConfig read_server(const ConfigNode& section) {
  section.expect_keys({"listen", "port", "io_threads", "workers", "queue_capacity", "max_body_bytes",
                       "idle_timeout_seconds", "request_timeout_seconds", "max_connections",
                       "max_connections_per_client", "cors_origins", "shutdown_grace_seconds", "access_log",
                       "response_cache_ms"});
  ServerConfig server;
  section.read("listen", server.listen);
  // Port 0 asks the OS for a free port, which is how the tests run servers side by side.
  section.read("port", server.port, 0, 65535);
  section.read("io_threads", server.io_threads, 1);
  section.read("workers", server.workers, 1);
  section.read("queue_capacity", server.queue_capacity, 1);
  section.read("max_body_bytes", server.max_body_bytes, 1);
  section.read("idle_timeout_seconds", server.idle_timeout_seconds, 1);
  section.read("request_timeout_seconds", server.request_timeout_seconds, 1);
  section.read("max_connections", server.max_connections, 1);
  section.read("max_connections_per_client", server.max_connections_per_client, 1);
  section.read("cors_origins", server.cors_origins);
  section.read("shutdown_grace_seconds", server.shutdown_grace_seconds, 0);
  section.read_choice("access_log", server.access_log, {"stdout", "off"});
  section.read("response_cache_ms", server.response_cache_ms, 0);
  return server;
}

AuthConfig read_auth(const ConfigNode& section) {
  section.expect_keys(
      {"jwt_secret", "token_ttl_minutes", "bcrypt_cost", "default_roles", "moderators", "development"});
  AuthConfig auth;
  section.read("jwt_secret", auth.jwt_secret);
  section.read("token_ttl_minutes", auth.token_ttl_minutes, 1);
  // bcrypt's own limits on the cost factor.
  section.read("bcrypt_cost", auth.bcrypt_cost, 4, 31);
  section.read("default_roles", auth.default_roles);
  section.read("moderators", auth.moderators);
  section.read("development", auth.development);
  return auth;
}

AdminConfig read_admin(const ConfigNode& section) {
  section.expect_keys({"token"});
  AdminConfig admin;
  section.read("token", admin.token);
  if (!admin.token.empty() && admin.token.size() < kMinAdminTokenLength) {
    section.child("token")->fail("'admin.token' must be at least " + std::to_string(kMinAdminTokenLength) +
                                 " characters (or empty to serve no admin routes)");
  }
  return admin;
}

EmbeddedConfig read_embedded(const ConfigNode& section) {
  section.expect_keys({"data_dir"});
  EmbeddedConfig embedded;
  section.read("data_dir", embedded.data_dir);
  return embedded;
}

AstraConfig read_astra(const ConfigNode& section) {
  section.expect_keys({"endpoint", "token", "keyspace", "timeout_ms"});
  AstraConfig astra;
  section.read("endpoint", astra.endpoint);
  section.read("token", astra.token);
  section.read("keyspace", astra.keyspace);
  section.read("timeout_ms", astra.timeout_ms, 1);
  return astra;
}

DatabaseConfig read_database(const ConfigNode& section) {
  section.expect_keys({"backend", "embedded", "astra"});
  DatabaseConfig database;
  section.read_choice("backend", database.backend, {"embedded", "astra", "none"});
  if (const std::optional<ConfigNode> embedded = section.child("embedded")) {
    database.embedded = read_embedded(*embedded);
  }
  if (const std::optional<ConfigNode> astra = section.child("astra")) {
    database.astra = read_astra(*astra);
  }
  return database;
}

VectorizeConfig read_vectorize(const ConfigNode& section) {
  section.expect_keys({"provider", "model_name", "stand_in"});
  VectorizeConfig vectorize;
  section.read("provider", vectorize.provider);
  section.read("model_name", vectorize.model_name);
  section.read_choice("stand_in", vectorize.stand_in, {"local", "openai-compatible"});
  if (vectorize.provider.empty() || vectorize.model_name.empty())
    section.fail("'" + section.path() + ".provider' and '" + section.path() + ".model_name' must not be empty");
  return vectorize;
}

EmbeddingConfig read_embedding(const ConfigNode& section) {
  section.expect_keys({"provider", "dimension", "base_url", "model", "api_key", "query_input_type",
                       "document_input_type", "truncate", "batch_size", "timeout_ms", "max_attempts", "vectorize"});
  EmbeddingConfig embedding;
  section.read_choice("provider", embedding.provider, {"local", "openai-compatible", "astra-vectorize"});
  // The Data API's largest vector (NV-Embed-v2 answers exactly that many components).
  section.read("dimension", embedding.dimension, 1, 4096);
  section.read("base_url", embedding.base_url);
  section.read("model", embedding.model);
  section.read("api_key", embedding.api_key);
  section.read("query_input_type", embedding.query_input_type);
  section.read("document_input_type", embedding.document_input_type);
  section.read("truncate", embedding.truncate);
  // 2048 is the OpenAI API's limit on inputs per request.
  section.read("batch_size", embedding.batch_size, 1, 2048);
  section.read("timeout_ms", embedding.timeout_ms, 1);
  section.read("max_attempts", embedding.max_attempts, 1, 10);
  if (const std::optional<ConfigNode> vectorize = section.child("vectorize")) {
    embedding.vectorize = read_vectorize(*vectorize);
  }
  return embedding;
}

PluginEntry read_plugin(const ConfigNode& item) {
  item.expect_keys({"name", "enabled", "config"});
  PluginEntry plugin;
  plugin.line = item.line();
  const std::optional<ConfigNode> name = item.child("name");
  if (!name) {
    item.fail("'" + item.path() + ".name' is required");
  }
  plugin.name = name->as_string();
  if (plugin.name.empty()) {
    name->fail("'" + name->path() + "' must not be empty");
  }
  item.read("enabled", plugin.enabled);
  if (const std::optional<ConfigNode> config = item.child("config")) {
    plugin.config_json = plugin_config_json(*config);
  }
  return plugin;
}

std::vector<PluginEntry> read_plugins(const ConfigNode& list) {
  std::vector<PluginEntry> plugins;
  std::map<std::string, int> line_of_name;
  for (const ConfigNode& item : list.elements()) {
    PluginEntry plugin = read_plugin(item);
    const auto [first, inserted] = line_of_name.emplace(plugin.name, plugin.line);
    if (!inserted) {
      item.fail("plugin '" + plugin.name + "' is listed twice, on lines " + std::to_string(first->second) +
                " and " + std::to_string(plugin.line));
    }
    plugins.push_back(std::move(plugin));
  }
  return plugins;
}

Config read_config(const ConfigNode& root) {
  root.expect_keys({"server", "auth", "database", "embedding", "admin", "plugin_dirs", "plugins"});
  Config config;
  if (const std::optional<ConfigNode> server = root.child("server")) {
    config.server = read_server(*server);
  }
  if (const std::optional<ConfigNode> auth = root.child("auth")) {
    config.auth = read_auth(*auth);
  }
  if (const std::optional<ConfigNode> database = root.child("database")) {
    config.database = read_database(*database);
  }
  if (const std::optional<ConfigNode> embedding = root.child("embedding")) {
    config.embedding = read_embedding(*embedding);
  }
  if (const std::optional<ConfigNode> admin = root.child("admin")) {
    config.admin = read_admin(*admin);
  }
  root.read("plugin_dirs", config.plugin_dirs);
  if (const std::optional<ConfigNode> plugins = root.child("plugins")) {
    config.plugins = read_plugins(*plugins);
  }
  return config;
}

[[noreturn]] void fail_to_read(const std::string& path, int error_number) {
  throw ConfigError("cannot read config file '" + path + "': " + std::strerror(error_number));
}

std::string read_file(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    fail_to_read(path, errno);
  }
  // Copying an empty file also marks the stream failed, so errno is what tells a read error (such as
  // the path being a directory) apart.
  errno = 0;
  std::ostringstream text;
  text << file.rdbuf();
  if (errno != 0) {
    fail_to_read(path, errno);
  }
  return text.str();
}

YAML::Node parse_yaml(const std::string& yaml_text, const std::string& source_name) {
  try {
    return YAML::Load(yaml_text);
  } catch (const YAML::ParserException& error) {
    throw ConfigError(source_name, error.mark.line + 1, "invalid YAML: " + error.msg);
  }
}

}  // namespace

Config parse_config(const std::string& yaml_text, const std::string& source_name) {
  Config config = read_config(ConfigNode(parse_yaml(yaml_text, source_name), source_name));
  config.source_path = source_name;
  return config;
}

Config load_config(const std::string& path) { return parse_config(read_file(path), path); }

}  // namespace killrvideo::host

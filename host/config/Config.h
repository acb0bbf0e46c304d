#pragma once
// The server's configuration, as read from one YAML file (design §6). Plain values only; the loader in
// ConfigLoader.h fills them and reports unknown keys and wrong types with the file line.

#include <cstdint>
#include <string>
#include <vector>

namespace killrvideo::host {

struct ServerConfig {
  std::string listen = "0.0.0.0";
  std::uint16_t port = 8000;
  int io_threads = 2;
  int workers = 16;
  int queue_capacity = 1024;  // requests waiting for a worker; beyond it the server answers 503
  std::size_t max_body_bytes = 1048576;
  // A keep-alive connection with no request for this long is closed; a request whose bytes take longer
  // than request_timeout_seconds to arrive gets a 408.
  int idle_timeout_seconds = 30;
  int request_timeout_seconds = 30;
  // Connections held open, in total and from one client address; more are closed with a 503 at once.
  int max_connections = 10000;
  int max_connections_per_client = 256;
  std::vector<std::string> cors_origins{"http://localhost:8080"};
  int shutdown_grace_seconds = 30;  // how long SIGTERM waits for in-flight requests
  std::string access_log = "stdout";  // stdout | off
  // How long an anonymous GET's 200 answer may be served again while nothing was written (0: never).
  int response_cache_ms = 1000;
};

struct AuthConfig {
  std::string jwt_secret;
  int token_ttl_minutes = 30;
  int bcrypt_cost = 12;
  std::vector<std::string> default_roles{"viewer", "creator"};
  std::vector<std::string> moderators;
  // A development config may run without a JWT secret: the server then signs with a random secret
  // made at start-up (tokens do not survive a restart) and says so in its log.
  bool development = false;
};

struct EmbeddedConfig {
  std::string data_dir = "./data";
};

struct AstraConfig {
  std::string endpoint;
  std::string token;  // never logged
  std::string keyspace = "killrvideo";
  int timeout_ms = 10000;
};

struct DatabaseConfig {
  std::string backend = "embedded";  // embedded | astra | none
  EmbeddedConfig embedded;
  AstraConfig astra;
};

// `embedding.provider: astra-vectorize`: the database embeds. Astra DB runs the service the vector columns
// declare; the embedded store has none, so one of the host's providers stands in for it.
struct VectorizeConfig {
  std::string provider = "nvidia";         // the Data API's provider name, declared on the vector columns
  std::string model_name = "NV-Embed-QA";  // the service's model
  // local | openai-compatible (configured by the embedding.* keys beside this block): what the embedded
  // store (database.backend: embedded) embeds with, so the same config runs offline; empty: none, and the
  // embedded backend refuses to start. Unused on Astra.
  std::string stand_in;
};

struct EmbeddingConfig {
  std::string provider = "local";  // local | openai-compatible | astra-vectorize
  int dimension = 384;
  // openai-compatible only: POST {base_url}/v1/embeddings (a base_url already ending in /v1 is accepted).
  std::string base_url;
  std::string model;
  std::string api_key;  // never logged; empty: the KILLRVIDEO_EMBEDDING_API_KEY environment variable
  // Sent as `input_type` with queries and with documents (NV-Embed: "query" and "passage"); empty: not sent,
  // for servers that refuse unknown fields.
  std::string query_input_type;
  std::string document_input_type;
  // Sent as `truncate` (NIM: NONE, START or END) so that a text longer than the model takes is cut instead of
  // refused; empty: not sent.
  std::string truncate;
  int batch_size = 32;  // texts per request
  int timeout_ms = 10000;  // per request
  int max_attempts = 3;  // per request, the first included: 429, 5xx, timeouts and lost connections are retried
  VectorizeConfig vectorize;  // astra-vectorize only
};

// The admin routes (/admin/plugins…) that switch plugins while serving. Served only when a token is set,
// only to loopback clients, and only with `Authorization: Bearer <token>`.
struct AdminConfig {
  std::string token;  // never logged; at least kMinAdminTokenLength characters when set
};
inline constexpr std::size_t kMinAdminTokenLength = 16;

struct PluginEntry {
  std::string name;  // resolved in the plugin directories, or an absolute path to a .so
  bool enabled = true;
  std::string config_json = "{}";  // the plugin's own `config:` block, serialized as JSON
  int line = 0;  // where the entry starts in the file, for start-up errors
};

struct Config {
  std::string source_path;  // the file it was read from
  ServerConfig server;
  AuthConfig auth;
  DatabaseConfig database;
  EmbeddingConfig embedding;
  AdminConfig admin;
  std::vector<std::string> plugin_dirs;  // empty: "<dir of the executable>/plugins"
  std::vector<PluginEntry> plugins;
};

}  // namespace killrvideo::host

#pragma once
// The services the host hands each plugin. Every method is noexcept: failures come back as values,
// because no exception may cross the plugin boundary (design §2.4).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "killrvideo/plugin/VectorizeService.h"

namespace killrvideo::plugin {

// The one data seam (design §4): a Data API command envelope such as {"find": {...}} sent to a table or
// collection (`target`), or to the keyspace when `target` is empty. Returns the Data API response
// envelope; failures, including an unreachable database, arrive in its "errors" array. Commands and
// responses keep their key order (ordered_json): a primary key's partitionSort and a multi-column sort
// mean what their order says. The host refuses
// commands on tables the calling plugin neither owns nor declared it reads (design §5).
class DataClient {
 public:
  virtual ~DataClient() = default;
  virtual nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept = 0;
};

// In-process publish/subscribe between plugins. Delivery is synchronous, in subscription order; a
// failing subscriber is logged by the host and never fails the publisher.
class EventBus {
 public:
  virtual ~EventBus() = default;
  virtual void publish(const std::string& topic, const nlohmann::json& payload) noexcept = 0;
};

class AuthService {
 public:
  virtual ~AuthService() = default;
  // A signed HS256 JWT with `sub`, `roles` and `exp` (api-contract §1.5).
  virtual std::string issue_token(const std::string& user_id,
                                  const std::vector<std::string>& roles) noexcept = 0;
  // bcrypt `$2b$` at the configured cost; empty on failure.
  virtual std::string hash_password(std::string_view password) noexcept = 0;
  // Accepts bcrypt hashes and the legacy unsalted SHA-256 hex digests of the KillrVideo sample data.
  virtual bool verify_password(std::string_view password, std::string_view stored_hash) noexcept = 0;

  // Added in ABI 1.1 (appended: never insert virtuals above).
  // True when a verified stored hash should be replaced by hash_password() (legacy or cheaper bcrypt).
  virtual bool needs_rehash(std::string_view stored_hash) const noexcept = 0;
  // `auth.default_roles`: the roles of a newly registered user.
  virtual std::vector<std::string> default_roles() const noexcept = 0;
  // Whether `email` is listed in `auth.moderators` (compared case-insensitively).
  virtual bool is_configured_moderator(std::string_view email) const noexcept = 0;
};

struct Embedding {
  std::vector<float> vector;  // L2-normalised; empty when `error` is set
  std::string error;
};

// The host's embedding provider (`embedding:` in the config). Retrieval models such as NV-Embed-QA embed a
// search query and a document ("passage") differently, so the two have their own calls.
class Embedder {
 public:
  virtual ~Embedder() = default;
  virtual std::size_t dimension() const noexcept = 0;
  // A document to be found later: a video's title, description and tags.
  virtual Embedding embed(std::string_view text) noexcept = 0;

  // Added in ABI 1.4 (appended: never insert virtuals above).
  // A search query, to be compared with embedded documents. A provider that does not tell the two apart
  // embeds it as a document.
  virtual Embedding embed_query(std::string_view text) noexcept = 0;
  // Several documents in as few provider requests as the provider allows (a remote one sends them in
  // batches); one result per text, in order, each with its own error.
  virtual std::vector<Embedding> embed_documents(const std::vector<std::string>& texts) noexcept = 0;

  // Added in ABI 1.5 (appended: never insert virtuals above).
  // Set when the database embeds (`embedding.provider: astra-vectorize`): a plugin then declares its vector
  // columns with this service (data::ColumnType::vector(dimension, service)), writes text into them and
  // sorts by text (data::Sort::by_vectorize) instead of calling embed*, which answer an error. Unset: the
  // host embeds and the plugin stores and sorts by vectors.
  virtual std::optional<VectorizeService> vectorize_service() const noexcept { return std::nullopt; }
};

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual std::int64_t now_ms() const noexcept = 0;
};

class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  virtual std::string uuid4() noexcept = 0;
  // A version-1 (time-based) UUID, lowercase, as Cassandra's timeuuid.
  virtual std::string timeuuid() noexcept = 0;
};

class Logger {
 public:
  virtual ~Logger() = default;
  virtual void info(std::string_view message) noexcept = 0;
  virtual void warn(std::string_view message) noexcept = 0;
  virtual void error(std::string_view message) noexcept = 0;
};

// One per plugin: the data client is scoped to the plugin's declared tables, the logger is named after
// it, and config() is the plugin's own `config:` block from the YAML file (an empty object if none).
class HostServices {
 public:
  virtual ~HostServices() = default;
  virtual const std::string& plugin_name() const noexcept = 0;
  virtual const nlohmann::json& config() const noexcept = 0;
  virtual DataClient& data() noexcept = 0;
  virtual EventBus& events() noexcept = 0;
  virtual AuthService& auth() noexcept = 0;
  virtual Embedder& embedder() noexcept = 0;
  virtual Clock& clock() noexcept = 0;
  virtual IdGenerator& ids() noexcept = 0;
  virtual Logger& log() noexcept = 0;
};

}  // namespace killrvideo::plugin

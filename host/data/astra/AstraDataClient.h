#pragma once
// The data seam over Astra DB's Data API (design §4): each command is one HTTPS POST to
// {endpoint}/api/json/v1/{keyspace}[/{table}] with the application token, on keep-alive connections
// shared by all worker threads. Reads that lost their connection are tried again with backoff; writes
// never are.

#include <chrono>
#include <memory>
#include <string>

#include "config/Config.h"
#include "httpclient/RetryPolicy.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host::httpclient {
class HttpTransport;
}

namespace killrvideo::host::astra {

class AstraDataClient final : public plugin::DataClient {
 public:
  // Throws std::invalid_argument when the config is unusable (see check_astra_config); resolve
  // environment defaults first with resolve_astra_config.
  explicit AstraDataClient(const AstraConfig& config, httpclient::RetryPolicy retry = {});
  ~AstraDataClient() override;
  AstraDataClient(const AstraDataClient&) = delete;
  AstraDataClient& operator=(const AstraDataClient&) = delete;

  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;

 private:
  nlohmann::ordered_json send(const std::string& target, const nlohmann::ordered_json& command);

  std::string keyspace_url_;
  std::string token_;
  std::chrono::milliseconds timeout_;
  httpclient::RetryPolicy retry_;
  std::unique_ptr<httpclient::HttpTransport> transport_;
};

// "killrvideo-cpp/<version> libcurl/<version>" (data-api-wire §1.2).
std::string user_agent();

}  // namespace killrvideo::host::astra

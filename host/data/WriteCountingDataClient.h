#pragma once
// The data seam with a count of the writes that went through it: every command that is not a read
// (is_read_command) adds one once the backend has answered it. The response cache compares the count
// before a handler ran with the count now, so that no answer computed before a write is served after it.

#include <atomic>
#include <cstdint>
#include <memory>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

class WriteCountingDataClient final : public plugin::DataClient {
 public:
  explicit WriteCountingDataClient(std::unique_ptr<plugin::DataClient> backend);

  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override;
  // Writes answered so far (failed ones count too: a write may fail after changing something).
  std::uint64_t writes() const noexcept { return writes_.load(std::memory_order_acquire); }

 private:
  std::unique_ptr<plugin::DataClient> backend_;
  std::atomic<std::uint64_t> writes_{0};
};

}  // namespace killrvideo::host

#include "data/WriteCountingDataClient.h"

#include <nlohmann/json.hpp>

#include "data/ScopedDataClient.h"

namespace killrvideo::host {

WriteCountingDataClient::WriteCountingDataClient(std::unique_ptr<plugin::DataClient> backend)
    : backend_(std::move(backend)) {}

nlohmann::ordered_json WriteCountingDataClient::execute(const std::string& target,
                                                        const nlohmann::ordered_json& command) noexcept {
  const bool read = command.is_object() && command.size() == 1 && is_read_command(command.begin().key());
  nlohmann::ordered_json answer = backend_->execute(target, command);
  // Counted after the write is done: a request that read the old rows started before this count moved.
  if (!read) writes_.fetch_add(1, std::memory_order_acq_rel);
  return answer;
}

}  // namespace killrvideo::host

#include "tests/host/data/astra/DataApiProcess.h"

namespace killrvideo::testing {

DataApiProcess::DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout)
    : process_({build_dir() + "/bin/killrvideo-dataapi", "--port", "0", "--data-dir", dir_.path(), "--token", token},
               dir_.path(), ready_timeout) {}

std::optional<int> DataApiProcess::terminate(std::chrono::milliseconds timeout) {
  process_.send_terminate();
  return process_.wait_exit(timeout);
}

}  // namespace killrvideo::testing

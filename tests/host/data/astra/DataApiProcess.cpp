#include "tests/host/data/astra/DataApiProcess.h"

namespace killrvideo::testing {

DataApiProcess::DataApiProcess(const std::string& token, std::chrono::seconds ready_timeout)
    : data_dir_(dir_.path()),
      process_({build_dir() + "/bin/killrvideo-dataapi", "--port", "0", "--data-dir", data_dir_, "--token", token},
               dir_.path(), ready_timeout) {}

DataApiProcess::DataApiProcess(const std::string& token, const std::string& data_dir)
    : data_dir_(data_dir),
      process_({build_dir() + "/bin/killrvideo-dataapi", "--port", "0", "--data-dir", data_dir_, "--token", token},
               dir_.path(), std::chrono::seconds(20)) {}

DataApiProcess::DataApiProcess(const std::string& token, VectorizeLocal vectorize)
    : data_dir_(dir_.path()),
      process_({build_dir() + "/bin/killrvideo-dataapi", "--port", "0", "--data-dir", data_dir_, "--token", token,
                "--vectorize-local", std::to_string(vectorize.dimension)},
               dir_.path(), std::chrono::seconds(20)) {}

void DataApiProcess::kill_hard() { process_.kill_hard(); }

std::optional<int> DataApiProcess::terminate(std::chrono::milliseconds timeout) {
  process_.send_terminate();
  return process_.wait_exit(timeout);
}

}  // namespace killrvideo::testing

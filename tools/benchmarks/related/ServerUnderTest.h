#pragma once
// The real killrvideo binary on a free loopback port, serving the catalog and recommendations plugins
// from an embedded data directory; stopped with SIGTERM when the object goes.

#include <filesystem>
#include <string>

#include <sys/types.h>

namespace killrvideo::benchmarks {

struct ServerSettings {
  std::filesystem::path bin_dir;   // holds killrvideo and plugins/
  std::filesystem::path data_dir;  // the embedded store
  std::size_t embedding_dimension;
};

class ServerUnderTest {
 public:
  // Starts the server and waits (up to two minutes: it loads the vector index) until GET / answers.
  // Throws std::runtime_error when it cannot start or never answers.
  explicit ServerUnderTest(const ServerSettings& settings);
  ~ServerUnderTest();
  ServerUnderTest(const ServerUnderTest&) = delete;
  ServerUnderTest& operator=(const ServerUnderTest&) = delete;

  const std::string& base_url() const noexcept { return base_url_; }

 private:
  pid_t pid_ = -1;
  std::string base_url_;
};

}  // namespace killrvideo::benchmarks

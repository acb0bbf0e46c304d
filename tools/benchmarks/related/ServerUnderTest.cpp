#include "ServerUnderTest.h"

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "RelatedClient.h"

namespace killrvideo::benchmarks {

namespace {

// A port the kernel says is free now; the server binds it a moment later.
unsigned short free_loopback_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(socket_fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

std::filesystem::path write_config(const ServerSettings& settings) {
  const auto path = settings.data_dir / "bench-config.yaml";
  std::ofstream config(path);
  config << "server: { listen: 127.0.0.1, access_log: \"off\" }\n"
         << "auth: { development: true }\n"
         << "database: { backend: embedded, embedded: { data_dir: \"" << settings.data_dir.string() << "\" } }\n"
         << "embedding: { provider: local, dimension: " << settings.embedding_dimension << " }\n"
         << "plugin_dirs: [\"" << (settings.bin_dir / "plugins").string() << "\"]\n"
         << "plugins:\n  - { name: catalog }\n  - { name: recommendations }\n";
  return path;
}

}  // namespace

ServerUnderTest::ServerUnderTest(const ServerSettings& settings) {
  const std::string port = std::to_string(free_loopback_port());
  const std::string config = write_config(settings).string();
  const std::string binary = (settings.bin_dir / "killrvideo").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    std::vector<char*> argv = {const_cast<char*>(binary.c_str()), const_cast<char*>("--config"),
                               const_cast<char*>(config.c_str()), const_cast<char*>("--port"),
                               const_cast<char*>(port.c_str()), nullptr};
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  base_url_ = "http://127.0.0.1:" + port;
  RelatedClient probe(base_url_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (!probe.healthy()) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) throw std::runtime_error("killrvideo exited during start-up");
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("killrvideo did not answer in 2 minutes");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

ServerUnderTest::~ServerUnderTest() {
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

}  // namespace killrvideo::benchmarks

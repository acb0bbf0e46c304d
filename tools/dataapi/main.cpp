// killrvideo-dataapi: the embedded engine behind the real Data API wire format on loopback, so that the
// Astra client is tested end to end over HTTP and any Data API client (astrapy, astra-db-ts) can use the
// local store (design §4).

#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "services/LocalEmbedder.h"
#include "services/StopSignals.h"
#include "data/embedded/EmbeddedEngine.h"
#include "http/HttpServer.h"
#include "http/WorkerPool.h"
#include "tools/dataapi/DataApiHandler.h"

namespace {

using namespace killrvideo;

constexpr int kIoThreads = 2;
constexpr int kWorkers = 8;
constexpr int kQueueCapacity = 256;
constexpr auto kShutdownGrace = std::chrono::seconds(10);

struct Options {
  int port = 0;
  std::string data_dir;
  std::string token;
  std::string listen = "127.0.0.1";
  int page_size = 50;
  int vectorize_local_dimension = 0;  // 0: no vectorize
};

int serve(const Options& options) {
  const host::StopSignals stop_signals;  // before any thread exists, so every thread inherits the mask
  std::unique_ptr<host::LocalEmbedder> vectorize;
  if (options.vectorize_local_dimension > 0)
    vectorize = std::make_unique<host::LocalEmbedder>(static_cast<std::size_t>(options.vectorize_local_dimension));
  host::embedded::EmbeddedEngine engine({options.data_dir, options.page_size, vectorize.get()});
  dataapi::DataApiHandler handler({options.token},
                                  [&engine](const std::string& keyspace, const std::string& table,
                                            const nlohmann::ordered_json& command) {
                                    return engine.execute(keyspace, table, command);
                                  });
  host::WorkerPool workers(kWorkers, kQueueCapacity);
  const dataapi::DataApiHandlerSettings limits;
  host::HttpServer server({options.listen, static_cast<std::uint16_t>(options.port), kIoThreads, limits.max_body_bytes},
                          handler, workers);
  server.start();
  std::cout << "killrvideo-dataapi listening on http://" << options.listen << ":" << server.port() << std::endl;

  stop_signals.wait();
  if (!server.drain(kShutdownGrace)) std::cout << "in-flight requests did not finish in time; stopping" << std::endl;
  server.stop();
  workers.stop();
  std::cout << "killrvideo-dataapi stopped" << std::endl;
  return 0;  // the engine saves its vector indexes as it goes out of scope
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Local Data API server: the embedded engine behind the Data API's HTTP/JSON wire format."};
  Options options;
  cli.add_option("--port", options.port, "listen port (0 picks a free one)")->required()->check(CLI::Range(0, 65535));
  cli.add_option("--data-dir", options.data_dir, "directory of the engine's database files")->required();
  cli.add_option("--token", options.token, "the application token clients must send in the Token header")
      ->required()
      ->check([](const std::string& value) { return value.empty() ? "the token must not be empty" : ""; });
  cli.add_option("--listen", options.listen, "listen address")->capture_default_str();
  cli.add_option("--page-size", options.page_size, "rows per find page")->capture_default_str()->check(CLI::Range(1, 500));
  cli.add_option("--vectorize-local", options.vectorize_local_dimension,
                 "embed the text of vectorize columns and $vectorize with the host's offline local provider (hashed "
                 "bag of words) at this dimension, standing in for every declared service; without it such text is "
                 "refused with VECTORIZE_FEATURE_NOT_AVAILABLE")
      ->check(CLI::Range(1, 4096));
  CLI11_PARSE(cli, argc, argv);
  try {
    return serve(options);
  } catch (const std::exception& e) {
    std::cerr << "killrvideo-dataapi: " << e.what() << std::endl;
    return 1;
  }
}

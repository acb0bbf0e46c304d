// killrvideo-bench-bare: a Pistache server with one constant route and nothing else, the ceiling the
// real server is measured against in the HTTP benchmarks (same library, same machine, same minute).
//
//   killrvideo-bench-bare --port 8191 --threads 2

#include <pistache/endpoint.h>
#include <pistache/router.h>

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App cli{"A bare Pistache server answering GET / with a constant JSON body"};
  std::uint16_t port = 8191;
  int threads = 2;
  cli.add_option("--port", port, "loopback port")->capture_default_str();
  cli.add_option("--threads", threads, "Pistache reactor threads (the server's io_threads)")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  Pistache::Rest::Router router;
  Pistache::Rest::Routes::Get(router, "/", [](const Pistache::Rest::Request&, Pistache::Http::ResponseWriter response) {
    response.send(Pistache::Http::Code::Ok, R"({"message":"constant"})", MIME(Application, Json));
    return Pistache::Rest::Route::Result::Ok;
  });
  Pistache::Http::Endpoint endpoint(Pistache::Address(Pistache::Ipv4::loopback(), Pistache::Port(port)));
  endpoint.init(Pistache::Http::Endpoint::options().threads(threads));
  endpoint.setHandler(router.handler());
  endpoint.serve();
}

#include "http/HttpServer.h"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/net.h>
#include <pistache/peer.h>
#include <sys/socket.h>

#include <future>

#include "http/RequestHandler.h"
#include "http/WorkerPool.h"
#include "killrvideo/plugin/PathPattern.h"

namespace killrvideo::host {

namespace {

using namespace Pistache;

// Pistache must buffer a whole request before we see it; leave room for headers beyond the body limit
// so that an oversized body still reaches the handler and gets its JSON 413.
constexpr std::size_t kHeaderAllowanceBytes = 64 * 1024;
// How long a worker waits for its response to reach the socket before moving on.
constexpr std::chrono::seconds kWriteTimeout{10};

// Pistache writes only typed headers; this carries any name and value a handler chose.
class OutgoingHeader final : public Http::Header::Header {
 public:
  OutgoingHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
  // Only used by Pistache's typed lookups (get<H>()), which never ask for these headers.
  std::uint64_t hash() const override { return Http::Header::detail::hash(name_.c_str()); }

 private:
  std::string name_;
  std::string value_;
};

IncomingRequest to_incoming(const Http::Request& request) {
  IncomingRequest incoming;
  incoming.method = Http::methodString(request.method());
  incoming.raw_path = request.resource();
  const auto& query = request.query();
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    incoming.query.emplace_back(plugin::url_decode(it->first, true), plugin::url_decode(it->second, true));
  }
  const std::string raw_query = query.as_str();
  incoming.raw_query = raw_query.empty() ? raw_query : raw_query.substr(1);
  for (const auto& [name, raw] : request.headers().rawList()) incoming.headers.emplace_back(name, raw.value());
  incoming.body = request.body();
  return incoming;
}

// HTTP/1.1 connections persist unless the client asks otherwise (RFC 9112). Pistache 0.0.5 marks every
// response "Connection: close" before the handler runs when the client did not send keep-alive, and
// then hangs up; replacing the header keeps the connection open.
Http::ConnectionControl connection_for(const IncomingRequest& request, bool http11) {
  const auto asked = request.header("Connection");
  if (asked && strcasecmp(std::string(*asked).c_str(), "close") == 0) return Http::ConnectionControl::Close;
  if (asked && strcasecmp(std::string(*asked).c_str(), "keep-alive") == 0) return Http::ConnectionControl::KeepAlive;
  return http11 ? Http::ConnectionControl::KeepAlive : Http::ConnectionControl::Close;
}

// Resolves once the response is on the wire (or the write failed).
std::future<void> write_response(Http::ResponseWriter& writer, const plugin::Response& response,
                                 Http::ConnectionControl connection) {
  writer.headers().remove(Http::Header::Connection::Name);
  writer.headers().add<Http::Header::Connection>(connection);
  for (const auto& [name, value] : response.headers) {
    writer.headers().add(std::make_shared<OutgoingHeader>(name, value));
  }
  const auto mime = response.content_type.empty() ? Http::Mime::MediaType()
                                                  : Http::Mime::MediaType::fromString(response.content_type);
  auto written = std::make_shared<std::promise<void>>();
  std::future<void> done = written->get_future();
  const bool close = connection == Http::ConnectionControl::Close;
  writer.send(static_cast<Http::Code>(response.status), response.body, mime)
      .then(
          [peer = writer.getPeer(), close, written](ssize_t) {
            // Pistache only announces "Connection: close"; the server must then close (RFC 9112 §9.6).
            if (close && peer) ::shutdown(peer->fd(), SHUT_RDWR);
            written->set_value();
          },
          [written](std::exception_ptr) { written->set_value(); });
  return done;
}

class PistacheAdapter : public Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheAdapter)

  PistacheAdapter(RequestHandler* handler, WorkerPool* workers, std::atomic<bool>* draining)
      : handler_(handler), workers_(workers), draining_(draining) {}

  void onRequest(const Http::Request& request, Http::ResponseWriter writer) override {
    auto incoming = std::make_shared<IncomingRequest>(to_incoming(request));
    const auto connection = connection_for(*incoming, request.version() == Http::Version::Http11);
    if (draining_->load()) {
      write_response(writer, handler_->refuse(*incoming, 503, "Server is shutting down"),
                     Http::ConnectionControl::Close);
      return;
    }
    auto shared_writer = std::make_shared<Http::ResponseWriter>(std::move(writer));
    const bool queued = workers_->try_submit([this, incoming, shared_writer, connection] {
      // The worker stays busy until the bytes are written, so a graceful stop that waits for idle
      // workers never cuts a response off. (Only workers wait: the reactor thread does the writing.)
      write_response(*shared_writer, handler_->handle(*incoming), connection).wait_for(kWriteTimeout);
    });
    if (!queued) {
      write_response(*shared_writer, handler_->refuse(*incoming, 503, "Server is busy, try again later"),
                     connection);
    }
  }

 private:
  RequestHandler* handler_;
  WorkerPool* workers_;
  std::atomic<bool>* draining_;
};

}  // namespace

struct HttpServer::Endpoint {
  std::unique_ptr<Http::Endpoint> endpoint;
};

HttpServer::HttpServer(HttpServerSettings settings, RequestHandler& handler, WorkerPool& workers)
    : endpoint_(std::make_unique<Endpoint>()), settings_(std::move(settings)), handler_(handler), workers_(workers) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  const Address address(settings_.listen, Port(settings_.port));
  endpoint_->endpoint = std::make_unique<Http::Endpoint>(address);
  auto options = Http::Endpoint::options()
                     .threads(settings_.io_threads)
                     .flags(Tcp::Options::ReuseAddr)
                     .maxRequestSize(settings_.max_body_bytes + kHeaderAllowanceBytes);
  endpoint_->endpoint->init(options);
  endpoint_->endpoint->setHandler(Http::make_handler<PistacheAdapter>(&handler_, &workers_, &draining_));
  endpoint_->endpoint->serveThreaded();
}

std::uint16_t HttpServer::port() const {
  return endpoint_->endpoint ? static_cast<std::uint16_t>(endpoint_->endpoint->getPort()) : 0;
}

bool HttpServer::drain(std::chrono::milliseconds grace) {
  draining_ = true;
  return workers_.wait_idle(grace);
}

void HttpServer::stop() {
  if (endpoint_->endpoint) {
    endpoint_->endpoint->shutdown();
    endpoint_->endpoint.reset();
  }
}

}  // namespace killrvideo::host

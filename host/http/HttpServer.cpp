#include "http/HttpServer.h"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/net.h>
#include <pistache/peer.h>
#include <sys/socket.h>

#include <algorithm>
#include <functional>
#include <optional>

#include <spdlog/spdlog.h>

#include "http/AnswersInFlight.h"
#include "http/ConnectionLimits.h"
#include "http/ConnectionTable.h"
#include "http/RequestFraming.h"
#include "http/RequestHandler.h"
#include "http/WorkerPool.h"
#include "killrvideo/plugin/PathPattern.h"

namespace killrvideo::host {

namespace {

using namespace Pistache;

// A request's head (request line and headers) may take this much; a longer one is a 431. Pistache's
// parser buffer holds one head and the largest body allowed.
constexpr std::size_t kHeaderAllowanceBytes = 64 * 1024;
// Pistache's own timeouts, set where they never fire first (see ConnectionTable).
constexpr std::chrono::hours kOutOfReach{24};

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

// HTTP/1.1 connections persist unless the client asks otherwise (RFC 9112); HTTP/1.0 ones close unless
// the client asks for keep-alive. (Pistache 0.0.5 would close every connection without keep-alive.)
Http::ConnectionControl connection_for(const IncomingRequest& request, bool http11) {
  const auto asked = request.header("Connection");
  if (asked && strcasecmp(std::string(*asked).c_str(), "close") == 0) return Http::ConnectionControl::Close;
  if (asked && strcasecmp(std::string(*asked).c_str(), "keep-alive") == 0) return Http::ConnectionControl::KeepAlive;
  return http11 ? Http::ConnectionControl::KeepAlive : Http::ConnectionControl::Close;
}

// Called once the answer is on the wire (true) or could not be written (false).
using AfterWrite = std::function<void(bool written)>;

// Writes the answer; `after` runs once it is on the wire or failed. A HEAD answer carries no body.
void write_response(Http::ResponseWriter& writer, const plugin::Response& response, Http::ConnectionControl connection,
                    bool head_only, AfterWrite after) {
  writer.headers().remove(Http::Header::Connection::Name);
  writer.headers().add<Http::Header::Connection>(connection);
  for (const auto& [name, value] : response.headers) {
    writer.headers().add(std::make_shared<OutgoingHeader>(name, value));
  }
  const auto mime = response.content_type.empty() ? Http::Mime::MediaType()
                                                  : Http::Mime::MediaType::fromString(response.content_type);
  writer.send(static_cast<Http::Code>(response.status), head_only ? std::string() : response.body, mime)
      .then([after](ssize_t) { after(true); }, [after](std::exception_ptr) { after(false); });
}

// An answer written straight to a socket nothing else is writing to (a refused connection, a timed-out
// request), always closing it.
std::string raw_response(const plugin::Response& response) {
  std::string bytes = "HTTP/1.1 " + std::to_string(response.status) + " " +
                      Http::codeString(static_cast<Http::Code>(response.status)) + "\r\n";
  for (const auto& [name, value] : response.headers) bytes += name + ": " + value + "\r\n";
  bytes += "Content-Type: " + response.content_type + "\r\nContent-Length: " + std::to_string(response.body.size()) +
           "\r\nConnection: close\r\n\r\n" + response.body;
  return bytes;
}

// What the host knows of a request it refuses before Pistache parsed it.
IncomingRequest unparsed_request(std::string method, const std::string& target) {
  IncomingRequest request;
  request.method = std::move(method);
  const auto query = target.find('?');
  request.raw_path = target.substr(0, query);
  if (query != std::string::npos) request.raw_query = target.substr(query + 1);
  return request;
}

std::string client_of(const std::shared_ptr<Tcp::Peer>& peer) { return peer->address().host(); }

constexpr const char* kConnectionStateKey = "killrvideo.connection";

// Everything the per-thread handler copies share.
struct Shared {
  RequestHandler* handler;
  WorkerPool* workers;
  std::atomic<bool>* draining;
  AnswersInFlight* answers;
  ConnectionLimits* limits;
  ConnectionTable* connections;
  const RequestFraming* framing;
};

class PistacheAdapter : public Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheAdapter)

  explicit PistacheAdapter(Shared shared) : shared_(shared) {}

  // Requests are framed and parsed in onInput; Pistache's own entry point is not used.
  void onRequest(const Http::Request&, Http::ResponseWriter) override {}

 private:
  void onConnection(const std::shared_ptr<Tcp::Peer>& peer) override {
    // Pistache's idle check reads every peer's parser, so each one gets one, admitted or not.
    peer->putData(ParserData, std::make_shared<Http::RequestParser>(getMaxRequestSize()));
    auto state = std::make_shared<ConnectionState>();
    state->client = client_of(peer);
    state->last_activity = std::chrono::steady_clock::now();
    // The state owns this function, so it may hold a plain pointer to it.
    state->close = [weak = std::weak_ptr<Tcp::Peer>(peer), self = state.get()](std::string_view final_bytes) {
      shut_down(weak, *self, final_bytes);
    };
    if (!shared_.limits->admit(state->client)) {
      spdlog::warn("connection from {} refused: too many connections", state->client);
      state->close(raw_response(shared_.handler->refuse(unparsed_request("", "/"), 503, "Too many connections")));
      return;
    }
    peer->putData(kConnectionStateKey, state);
    shared_.connections->add(peer->getID(), state);
  }

  // Pistache closes the socket right after this returns; a worker still holding the peer must not shut
  // its descriptor from then on (see shut_down).
  void onDisconnection(const std::shared_ptr<Tcp::Peer>& peer) override {
    const auto state = state_of(peer);
    if (!state) return;
    {
      const std::lock_guard<std::mutex> lock(state->mutex);
      state->disconnected = true;
      // Pistache will not confirm writing what this client did not stay for.
      for (; state->unconfirmed_answers > 0; --state->unconfirmed_answers) shared_.answers->end();
    }
    shared_.connections->remove(peer->getID());
    shared_.limits->release(state->client);
  }

  void onInput(const char* buffer, size_t length, const std::shared_ptr<Tcp::Peer>& peer) override {
    const auto state = state_of(peer);
    if (!state) return;
    {
      const std::lock_guard<std::mutex> lock(state->mutex);
      if (state->closing) return;
      const auto now = std::chrono::steady_clock::now();
      if (state->pending.empty()) state->request_started = now;
      state->pending.append(buffer, length);
      state->last_activity = now;
    }
    serve_pending(peer, state);
  }

  static std::shared_ptr<ConnectionState> state_of(const std::shared_ptr<Tcp::Peer>& peer) {
    return std::static_pointer_cast<ConnectionState>(peer->tryGetData(kConnectionStateKey));
  }

  // Takes the complete requests received, one at a time: a connection's answers leave in the order its
  // requests came (pipelining, RFC 9112 §9.3.2). A loop, not a recursion, however many were pipelined.
  void serve_pending(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state) {
    while (serve_next(peer, state)) {
    }
  }

  // Takes the next complete request, unless one is being answered. True when it was answered here and
  // the connection may take the one after it at once.
  bool serve_next(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state) {
    std::unique_lock<std::mutex> lock(state->mutex);
    if (state->busy || state->closing) return false;
    const FramedRequest framed = shared_.framing->next(state->pending);
    if (framed.kind == FramedRequest::Kind::Incomplete) return false;
    state->busy = true;
    if (framed.kind == FramedRequest::Kind::Refused) {
      state->closing = true;
      state->pending.clear();
      lock.unlock();
      spdlog::warn("request from {} refused before parsing: {} {}", state->client, framed.status, framed.detail);
      answer(peer, state, unparsed_request(framed.line.method, framed.line.target), framed.status, framed.detail);
      return false;
    }
    std::string bytes = state->pending.substr(0, framed.length);
    state->pending.erase(0, framed.length);
    state->request_started = std::chrono::steady_clock::now();
    lock.unlock();
    return dispatch(peer, state, bytes);
  }

  // Parses one framed request with Pistache's parser and answers it here when its answer is ready
  // (RequestHandler::answer_at_once: true, and the connection is free again), or hands it to a worker.
  bool dispatch(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state,
                const std::string& bytes) {
    Http::RequestParser parser(bytes.size() + 1);
    std::optional<std::pair<int, std::string>> malformed;
    try {
      parser.feed(bytes.data(), bytes.size());
      if (parser.parse() != Http::Private::State::Done) malformed.emplace(400, "Malformed request");
    } catch (const Http::HttpError& e) {
      malformed.emplace(e.code(), e.reason());
    } catch (const std::exception& e) {
      malformed.emplace(400, std::string("Malformed request: ") + e.what());
    }
    if (malformed) {
      {
        const std::lock_guard<std::mutex> lock(state->mutex);
        state->closing = true;
        state->pending.clear();
      }
      spdlog::warn("request from {} refused by the parser: {} {}", state->client, malformed->first, malformed->second);
      const RequestLine line = request_line_of(bytes);
      answer(peer, state, unparsed_request(line.method, line.target), malformed->first, malformed->second);
      return false;
    }
    const Http::Request& request = parser.request;
    auto incoming = std::make_shared<IncomingRequest>(to_incoming(request));
    incoming->client_address = state->client;
    const auto connection = connection_for(*incoming, request.version() == Http::Version::Http11);
    auto writer = std::make_shared<Http::ResponseWriter>(request.version(), transport(), this, peer);
    const bool head_only = request.method() == Http::Method::Head;
    if (shared_.draining->load()) {
      write_response(*writer, shared_.handler->refuse(*incoming, 503, "Server is shutting down"),
                     Http::ConnectionControl::Close, head_only, closer(peer, state, true));
      release(peer, state, true);
      return false;
    }
    const bool close = connection == Http::ConnectionControl::Close;
    // Answered on this reactor thread, as a bare Pistache route is: no hand-off to a worker and back.
    if (auto ready = shared_.handler->answer_at_once(*incoming)) {
      write_response(*writer, *ready, connection, head_only, closer(peer, state, close));
      mark_answered(*state, close);
      return !close;
    }
    const bool queued = shared_.workers->try_submit([this, incoming, writer, connection, head_only, peer, state, close] {
      auto response = shared_.handler->handle(*incoming);
      count_answer(*state, *shared_.answers);
      write_response(*writer, std::move(response), connection, head_only,
                     [answers = shared_.answers, state, close_after = closer(peer, state, close)](bool ok) {
                       settle_answer(*state, *answers);
                       close_after(ok);
                     });
      release(peer, state, close);
    });
    if (!queued) {
      write_response(*writer, shared_.handler->refuse(*incoming, 503, "Server is busy, try again later"), connection,
                     head_only, closer(peer, state, close));
      release(peer, state, close);
    }
    return false;
  }

  // A refusal before a request could be parsed: a JSON answer, then the connection is closed, since
  // what follows on it cannot be trusted to start a request.
  void answer(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state,
              const IncomingRequest& request, int status, const std::string& detail) {
    Http::ResponseWriter writer(Http::Version::Http11, transport(), this, peer);
    write_response(writer, shared_.handler->refuse(request, status, detail), Http::ConnectionControl::Close,
                   request.method == "HEAD", closer(peer, state, true));
    release(peer, state, true);
  }

  // Once an answer is on the wire: hang up when it said "Connection: close" (RFC 9112 §9.6) or could not
  // be written. Pistache 0.0.5 now and then never settles a write's promise (about once in ten thousand
  // keep-alive answers here), so nothing else waits for this; the sweeper closes what it misses.
  static AfterWrite closer(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state,
                           bool close) {
    return [weak = std::weak_ptr<Tcp::Peer>(peer), state, close](bool written) {
      if (close || !written) shut_down(weak, *state, {});
    };
  }

  // Sends `final_bytes` and shuts the socket, unless Pistache has already dropped the connection. The
  // peer outlives its socket in any worker holding it, and the descriptor number is reused by the next
  // connection accepted: a client that reads a "Connection: close" answer and at once connects again
  // (as an HTTP proxy does for every request) would have its new connection shut before its request
  // was answered. Under the state's mutex, onDisconnection cannot mark it, and Pistache cannot close it,
  // between the check and the shutdown.
  static void shut_down(const std::weak_ptr<Tcp::Peer>& weak, ConnectionState& state, std::string_view final_bytes) {
    const std::lock_guard<std::mutex> lock(state.mutex);
    const auto open = weak.lock();
    if (!open || state.disconnected) return;
    if (!final_bytes.empty()) (void)::send(open->fd(), final_bytes.data(), final_bytes.size(), MSG_NOSIGNAL);
    ::shutdown(open->fd(), SHUT_RDWR);
  }

  // A worker's answer is counted from its hand-over to Pistache until Pistache confirms it written or the
  // client hangs up, so that a graceful stop never cuts an answer off and nothing waits for a client gone.
  static void count_answer(ConnectionState& state, AnswersInFlight& answers) {
    const std::lock_guard<std::mutex> lock(state.mutex);
    if (state.disconnected) return;
    ++state.unconfirmed_answers;
    answers.begin();
  }

  static void settle_answer(ConnectionState& state, AnswersInFlight& answers) {
    const std::lock_guard<std::mutex> lock(state.mutex);
    if (state.unconfirmed_answers == 0) return;  // the client hung up, which settled it
    --state.unconfirmed_answers;
    answers.end();
  }

  // The answer is in Pistache's write queue, ahead of anything written later on this connection, so the
  // next pipelined request may be taken now and its answer still leaves after this one.
  void release(const std::shared_ptr<Tcp::Peer>& peer, const std::shared_ptr<ConnectionState>& state, bool close) {
    mark_answered(*state, close);
    if (!close) serve_pending(peer, state);
  }

  static void mark_answered(ConnectionState& state, bool close) {
    const std::lock_guard<std::mutex> lock(state.mutex);
    state.busy = false;
    state.last_activity = std::chrono::steady_clock::now();
    if (close) {
      state.closing = true;
      state.pending.clear();
    }
  }

  Shared shared_;
};

}  // namespace

struct HttpServer::Endpoint {
  std::unique_ptr<RequestFraming> framing;
  std::unique_ptr<Http::Endpoint> endpoint;
};

HttpServer::HttpServer(HttpServerSettings settings, RequestHandler& handler, WorkerPool& workers)
    : settings_(std::move(settings)),
      limits_(std::make_unique<ConnectionLimits>(settings_.max_connections, settings_.max_connections_per_client)),
      connections_(std::make_unique<ConnectionTable>(
          settings_.idle_timeout, settings_.request_timeout,
          [&handler](const ConnectionState&) {
            return raw_response(handler.refuse(unparsed_request("", "/"), 408, "Request not received in time"));
          })),
      answers_(std::make_unique<AnswersInFlight>()),
      endpoint_(std::make_unique<Endpoint>()),
      handler_(handler),
      workers_(workers) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  const Address address(settings_.listen, Port(settings_.port));
  endpoint_->endpoint = std::make_unique<Http::Endpoint>(address);
  // Pistache's own timeouts answer in plain text; ConnectionTable closes connections long before them.
  auto options = Http::Endpoint::options()
                     .threads(settings_.io_threads)
                     .flags(Tcp::Options::ReuseAddr)
                     .maxRequestSize(settings_.max_body_bytes + kHeaderAllowanceBytes)
                     .headerTimeout(kOutOfReach)
                     .bodyTimeout(kOutOfReach)
                     .keepaliveTimeout(kOutOfReach);
  endpoint_->endpoint->init(options);
  endpoint_->framing = std::make_unique<RequestFraming>(kHeaderAllowanceBytes, settings_.max_body_bytes);
  endpoint_->endpoint->setHandler(Http::make_handler<PistacheAdapter>(
      Shared{&handler_, &workers_, &draining_, answers_.get(), limits_.get(), connections_.get(), endpoint_->framing.get()}));
  endpoint_->endpoint->serveThreaded();
}

std::uint16_t HttpServer::port() const {
  return endpoint_->endpoint ? static_cast<std::uint16_t>(endpoint_->endpoint->getPort()) : 0;
}

bool HttpServer::drain(std::chrono::milliseconds grace) {
  draining_ = true;
  const auto deadline = std::chrono::steady_clock::now() + grace;
  const bool idle = workers_.wait_idle(grace);
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (answers_->wait_none(std::max(left, std::chrono::milliseconds(0)))) return idle;
  spdlog::warn("{} answers were not confirmed written within the grace period (their clients may have hung up)",
               answers_->count());
  return false;
}

void HttpServer::stop() {
  if (endpoint_->endpoint) {
    endpoint_->endpoint->shutdown();
    endpoint_->endpoint.reset();
  }
}

}  // namespace killrvideo::host

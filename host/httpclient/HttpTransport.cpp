#include "httpclient/HttpTransport.h"

#include <mutex>
#include <stdexcept>

#include <curl/curl.h>

#include "httpclient/CurlHandlePool.h"

namespace killrvideo::host::httpclient {

namespace {

// libcurl's global state must be set up once, before handles exist; it lives as long as the process.
void initialise_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl failed to initialise");
  });
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

TransportFailure classify(CURLcode code, long status) {
  switch (code) {
    case CURLE_OK:
      return TransportFailure::None;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportFailure::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      return TransportFailure::Unreachable;
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      return status == 0 ? TransportFailure::Dropped : TransportFailure::Other;
    default:
      return TransportFailure::Other;
  }
}

// Set on every transfer: curl_easy_reset clears options but keeps the handle's open connections.
void set_options(CURL* handle, const std::string& url, const std::string& body, const curl_slist* headers,
                 std::chrono::milliseconds timeout, HttpOutcome& outcome, char* error_buffer) {
  curl_easy_reset(handle);
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression this libcurl decodes
  // The defaults already verify; stated so that nobody "fixes" a certificate problem by turning them off.
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &outcome.body);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
}

}  // namespace

HttpTransport::HttpTransport(const std::vector<std::string>& headers, std::chrono::milliseconds timeout)
    : timeout_(timeout) {
  initialise_curl_once();
  pool_ = std::make_unique<CurlHandlePool>();
  for (const auto& header : headers) {
    curl_slist* extended = curl_slist_append(headers_, header.c_str());
    if (extended == nullptr) {
      curl_slist_free_all(headers_);
      throw std::runtime_error("libcurl could not build the request headers");
    }
    headers_ = extended;
  }
}

HttpTransport::~HttpTransport() {
  pool_.reset();  // the handles still point at the header list
  curl_slist_free_all(headers_);
}

HttpOutcome HttpTransport::post(const std::string& url, const std::string& body) noexcept {
  try {
    return perform(url, body);
  } catch (const std::exception& e) {
    return {TransportFailure::Other, 0, {}, e.what()};
  } catch (...) {
    return {TransportFailure::Other, 0, {}, "unknown failure in the HTTP transport"};
  }
}

HttpOutcome HttpTransport::perform(const std::string& url, const std::string& body) {
  const auto lease = pool_->acquire();
  HttpOutcome outcome;
  char error_buffer[CURL_ERROR_SIZE] = {};
  set_options(lease.handle(), url, body, headers_, timeout_, outcome, error_buffer);
  const CURLcode code = curl_easy_perform(lease.handle());
  curl_easy_getinfo(lease.handle(), CURLINFO_RESPONSE_CODE, &outcome.status);
  curl_easy_setopt(lease.handle(), CURLOPT_ERRORBUFFER, nullptr);  // the buffer dies with this frame
  outcome.failure = classify(code, outcome.status);
  if (code != CURLE_OK) outcome.detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  return outcome;
}

std::string curl_product_token() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return std::string("libcurl/") + (info != nullptr && info->version != nullptr ? info->version : "unknown");
}

}  // namespace killrvideo::host::httpclient

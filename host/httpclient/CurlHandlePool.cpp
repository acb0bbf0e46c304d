#include "httpclient/CurlHandlePool.h"

#include <stdexcept>
#include <utility>

namespace killrvideo::host::httpclient {

CurlHandlePool::Lease::~Lease() {
  if (handle_ != nullptr) pool_->give_back(handle_);
}

CurlHandlePool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), handle_(std::exchange(other.handle_, nullptr)) {}

CurlHandlePool::~CurlHandlePool() {
  for (CURL* handle : idle_) curl_easy_cleanup(handle);
}

CurlHandlePool::Lease CurlHandlePool::acquire() {
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      CURL* handle = idle_.back();
      idle_.pop_back();
      return Lease(*this, handle);
    }
  }
  CURL* handle = curl_easy_init();
  if (handle == nullptr) throw std::runtime_error("libcurl could not create a transfer handle");
  return Lease(*this, handle);
}

void CurlHandlePool::give_back(CURL* handle) noexcept {
  const std::lock_guard lock(mutex_);
  try {
    idle_.push_back(handle);
  } catch (...) {
    curl_easy_cleanup(handle);  // out of memory: drop this handle and its connection rather than leak it
  }
}

}  // namespace killrvideo::host::httpclient

#pragma once
// libcurl easy handles shared by the worker threads. A handle keeps its connections open after a
// transfer, so handing the same few handles out again is what makes requests reuse TLS connections
// instead of opening one per command. A handle is used by one thread at a time.

#include <mutex>
#include <vector>

#include <curl/curl.h>

namespace killrvideo::host::httpclient {

class CurlHandlePool {
 public:
  // Returns its handle to the pool when it goes away.
  class Lease {
   public:
    Lease(CurlHandlePool& pool, CURL* handle) noexcept : pool_(&pool), handle_(handle) {}
    ~Lease();
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    CURL* handle() const noexcept { return handle_; }

   private:
    CurlHandlePool* pool_;
    CURL* handle_;
  };

  CurlHandlePool() = default;
  ~CurlHandlePool();
  CurlHandlePool(const CurlHandlePool&) = delete;
  CurlHandlePool& operator=(const CurlHandlePool&) = delete;

  // An idle handle, or a new one when all are busy (the pool grows to the number of concurrent callers).
  // Throws std::runtime_error when libcurl cannot make a handle.
  Lease acquire();

 private:
  void give_back(CURL* handle) noexcept;

  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace killrvideo::host::httpclient

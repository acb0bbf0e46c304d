#pragma once
// Answers to anonymous GETs kept for a short time and served again without running the handler, as long
// as nothing was written since they were computed: each entry carries the data seam's write count taken
// before its handler ran, and a lookup hits only while the count is unchanged and the entry is younger
// than the time to live. The count covers every write made through this server (its handlers, event
// subscribers, importers); the time to live bounds how long an answer that depends on the clock, or on a
// write by another process on the same store, may lag. Only 200 answers are kept.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::host {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;
  // `writes` counts the writes made so far; read before a handler runs and at each lookup.
  ResponseCache(std::function<std::uint64_t()> writes, std::chrono::milliseconds time_to_live,
                std::size_t max_entries = 4096, std::size_t max_body_bytes = 256 * 1024);

  std::uint64_t writes() const { return writes_(); }
  // The answer kept for `key`, if it was computed with no write since and is still fresh.
  std::shared_ptr<const plugin::Response> find(const std::string& key) const;
  // Keeps `response` for `key` when cacheable; `writes_before` is writes() read before the handler ran.
  void store(const std::string& key, std::uint64_t writes_before, const plugin::Response& response);

 private:
  struct Entry {
    std::shared_ptr<const plugin::Response> response;
    std::uint64_t writes;
    Clock::time_point stored_at;
  };
  void make_room(Clock::time_point now);

  std::function<std::uint64_t()> writes_;
  const std::chrono::milliseconds time_to_live_;
  const std::size_t max_entries_;
  const std::size_t max_body_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace killrvideo::host

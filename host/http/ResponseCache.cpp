#include "http/ResponseCache.h"

namespace killrvideo::host {

ResponseCache::ResponseCache(std::function<std::uint64_t()> writes, std::chrono::milliseconds time_to_live,
                             std::size_t max_entries, std::size_t max_body_bytes)
    : writes_(std::move(writes)),
      time_to_live_(time_to_live),
      max_entries_(max_entries),
      max_body_bytes_(max_body_bytes) {}

std::shared_ptr<const plugin::Response> ResponseCache::find(const std::string& key) const {
  const std::uint64_t writes_now = writes_();
  const auto now = Clock::now();
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end() || found->second.writes != writes_now || now - found->second.stored_at >= time_to_live_) {
    return nullptr;
  }
  return found->second.response;
}

void ResponseCache::store(const std::string& key, std::uint64_t writes_before, const plugin::Response& response) {
  if (response.status != 200 || !response.failure.empty() || response.body.size() > max_body_bytes_) return;
  // A write that finished while the handler ran may or may not be in this answer: keep nothing.
  if (writes_() != writes_before) return;
  auto kept = std::make_shared<const plugin::Response>(response);
  const auto now = Clock::now();
  const std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_ && entries_.find(key) == entries_.end()) make_room(now);
  entries_[key] = Entry{std::move(kept), writes_before, now};
}

// Drops what can no longer hit; when everything is still fresh, starts over rather than track use.
void ResponseCache::make_room(Clock::time_point now) {
  const std::uint64_t writes_now = writes_();
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool stale = it->second.writes != writes_now || now - it->second.stored_at >= time_to_live_;
    it = stale ? entries_.erase(it) : std::next(it);
  }
  if (entries_.size() >= max_entries_) entries_.clear();
}

}  // namespace killrvideo::host

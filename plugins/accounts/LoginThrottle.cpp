#include "LoginThrottle.h"

#include <algorithm>

namespace killrvideo::accounts {

namespace {

// Every this many failures the maps drop keys whose failures all left the window, so memory stays
// bounded by the failures of one window however many addresses and accounts are tried.
constexpr std::int64_t kSweepEvery = 1024;
constexpr std::int64_t kMsPerSecond = 1000;

void drop_old(std::deque<std::int64_t>& times, std::int64_t oldest_kept_ms) {
  while (!times.empty() && times.front() <= oldest_kept_ms) times.pop_front();
}

}  // namespace

LoginThrottle::LoginThrottle(LoginThrottleSettings settings)
    : settings_(settings), window_ms_(settings.window_seconds * kMsPerSecond) {}

std::int64_t LoginThrottle::wait_ms(Failures& failures, const std::string& key, int limit, std::int64_t now_ms) const {
  const auto found = failures.find(key);
  if (found == failures.end()) return 0;
  auto& times = found->second;
  drop_old(times, now_ms - window_ms_);
  if (static_cast<int>(times.size()) < limit) return 0;
  // Allowed again when enough failures have left the window to fall below the limit.
  return times[times.size() - static_cast<std::size_t>(limit)] + window_ms_ - now_ms;
}

std::int64_t LoginThrottle::retry_after_seconds(const std::string& account, const std::string& client,
                                                std::int64_t now_ms) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t wait = std::max(wait_ms(by_account_, account, settings_.max_failures_per_account, now_ms),
                                     wait_ms(by_client_, client, settings_.max_failures_per_client, now_ms));
  return wait <= 0 ? 0 : (wait + kMsPerSecond - 1) / kMsPerSecond;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& client, std::int64_t now_ms) {
  const std::lock_guard<std::mutex> lock(mutex_);
  by_account_[account].push_back(now_ms);
  by_client_[client].push_back(now_ms);
  if (++recorded_ % kSweepEvery == 0) {
    forget_expired(by_account_, now_ms);
    forget_expired(by_client_, now_ms);
  }
}

void LoginThrottle::record_success(const std::string& account) {
  const std::lock_guard<std::mutex> lock(mutex_);
  by_account_.erase(account);
}

void LoginThrottle::forget_expired(Failures& failures, std::int64_t now_ms) const {
  for (auto it = failures.begin(); it != failures.end();) {
    drop_old(it->second, now_ms - window_ms_);
    it = it->second.empty() ? failures.erase(it) : std::next(it);
  }
}

}  // namespace killrvideo::accounts

#include "http/ConnectionTable.h"

#include <vector>

#include <spdlog/spdlog.h>

namespace killrvideo::host {

namespace {

// Timeouts are whole seconds in the config; checking five times a second closes within 200 ms of them.
constexpr std::chrono::milliseconds kSweepInterval{200};

}  // namespace

ConnectionTable::ConnectionTable(std::chrono::milliseconds idle_timeout, std::chrono::milliseconds request_timeout,
                                 std::function<std::string(const ConnectionState&)> timeout_answer)
    : idle_timeout_(idle_timeout),
      request_timeout_(request_timeout),
      timeout_answer_(std::move(timeout_answer)),
      sweeper_([this] { run(); }) {}

ConnectionTable::~ConnectionTable() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  sweeper_.join();
}

void ConnectionTable::add(std::size_t id, std::shared_ptr<ConnectionState> state) {
  const std::lock_guard<std::mutex> lock(mutex_);
  open_[id] = std::move(state);
}

void ConnectionTable::remove(std::size_t id) {
  const std::lock_guard<std::mutex> lock(mutex_);
  open_.erase(id);
}

void ConnectionTable::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_requested_.wait_for(lock, kSweepInterval, [this] { return stopping_; })) {
    lock.unlock();
    sweep(std::chrono::steady_clock::now());
    lock.lock();
  }
}

void ConnectionTable::sweep(SteadyTime now) {
  std::vector<std::shared_ptr<ConnectionState>> states;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    states.reserve(open_.size());
    for (const auto& entry : open_) states.push_back(entry.second);
  }
  for (const auto& state : states) {
    std::unique_lock<std::mutex> lock(state->mutex);
    // A connection being answered is the worker's; it is looked at again once the answer is queued. One
    // already closing is closed again here in case its last answer's write was never confirmed.
    if (state->busy) continue;
    if (state->pending.empty() && now - state->last_activity > idle_timeout_) {
      state->closing = true;
      lock.unlock();
      spdlog::debug("closing a keep-alive connection from {} idle for over {} ms", state->client, idle_timeout_.count());
      state->close({});
    } else if (!state->pending.empty() && now - state->request_started > request_timeout_) {
      state->closing = true;
      lock.unlock();
      spdlog::warn("request from {} incomplete after {} ms: answered 408 and closed", state->client,
                   request_timeout_.count());
      state->close(timeout_answer_(*state));
    }
  }
}

}  // namespace killrvideo::host

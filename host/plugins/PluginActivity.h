#pragma once
// Whether one loaded plugin may run now, and how many of its handlers and subscribers are running. A
// request or event enters before it calls into the plugin and leaves when the call returns; disabling
// closes the gate (nothing new enters) and then waits for those inside to leave, so that a plugin is never
// stopped under a running handler. Header-only: the router (http) and the event bus check it.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace killrvideo::host {

class PluginActivity {
 public:
  // Held while calling into the plugin. Empty (false) when the plugin is not enabled.
  class Pass {
   public:
    Pass() = default;
    explicit Pass(PluginActivity* activity) : activity_(activity) {}
    Pass(Pass&& other) noexcept : activity_(other.activity_) { other.activity_ = nullptr; }
    Pass& operator=(Pass&&) = delete;
    Pass(const Pass&) = delete;
    ~Pass() {
      if (activity_ != nullptr) activity_->leave();
    }
    explicit operator bool() const noexcept { return activity_ != nullptr; }

   private:
    PluginActivity* activity_ = nullptr;
  };

  // Closed until open(): a plugin is enabled only once its routes and subscriptions are all in place.
  PluginActivity() = default;
  PluginActivity(const PluginActivity&) = delete;
  PluginActivity& operator=(const PluginActivity&) = delete;

  Pass enter() noexcept {
    // Count first, then check: close_and_wait() either sees this call counted or this call sees it closed.
    in_flight_.fetch_add(1);
    if (!open_.load()) {
      leave();
      return Pass();
    }
    return Pass(this);
  }

  void open() noexcept { open_.store(true); }

  // Nothing enters after this returns, and nothing that entered is still running.
  void close_and_wait() {
    open_.store(false);
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [this] { return in_flight_.load() == 0; });
  }

  bool is_open() const noexcept { return open_.load(); }
  std::size_t in_flight() const noexcept { return in_flight_.load(); }

 private:
  void leave() noexcept {
    if (in_flight_.fetch_sub(1) == 1) {
      // Under the mutex, so that a closer between its check and its wait cannot miss this.
      std::lock_guard lock(mutex_);
      drained_.notify_all();
    }
  }

  std::atomic<bool> open_{false};
  std::atomic<std::size_t> in_flight_{0};
  std::mutex mutex_;
  std::condition_variable drained_;
};

}  // namespace killrvideo::host

#include "http/AnswersInFlight.h"

namespace killrvideo::host {

void AnswersInFlight::begin() {
  const std::lock_guard lock(mutex_);
  ++count_;
}

void AnswersInFlight::end() {
  const std::lock_guard lock(mutex_);
  if (count_ > 0 && --count_ == 0) none_.notify_all();
}

bool AnswersInFlight::wait_none(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return none_.wait_for(lock, timeout, [this] { return count_ == 0; });
}

std::size_t AnswersInFlight::count() {
  const std::lock_guard lock(mutex_);
  return count_;
}

}  // namespace killrvideo::host

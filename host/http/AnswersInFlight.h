#pragma once
// Answers handed to Pistache whose writing it has not confirmed yet. A graceful stop waits for them, so no
// answer is cut off; nothing else does: a worker hands its answer over and takes the next request. (The
// worker used to wait up to 10 s itself, and Pistache 0.0.5 never confirms a write to a client that hung up
// before its answer: sixteen such clients held every worker for 10 s.)

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace killrvideo::host {

class AnswersInFlight {
 public:
  void begin();
  void end();
  // Waits until every answer begun is confirmed; false if some were not when `timeout` passed.
  bool wait_none(std::chrono::milliseconds timeout);
  std::size_t count();

 private:
  std::mutex mutex_;
  std::condition_variable none_;
  std::size_t count_ = 0;
};

}  // namespace killrvideo::host

#pragma once
// A fixed set of threads running request handlers off the HTTP reactor, with a bounded queue: when it
// is full the caller answers 503 instead of queueing without limit.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace killrvideo::host {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t queue_capacity);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping; the task is then not run.
  bool try_submit(std::function<void()> task);
  // Waits until no task is queued or running; false if `timeout` passed first.
  bool wait_idle(std::chrono::milliseconds timeout);
  // Runs what is queued, then joins the threads.
  void stop();

 private:
  void run();

  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace killrvideo::host

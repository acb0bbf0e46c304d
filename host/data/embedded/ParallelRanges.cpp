#include "data/embedded/ParallelRanges.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace killrvideo::host::embedded {

namespace {

// One call of for_each_range: its pieces, and what is still running.
struct Job {
  Job(const std::function<void(std::size_t, std::size_t, std::size_t)>& part, std::size_t count, std::size_t ranges)
      : part(&part), count(count), ranges(ranges), running(ranges - 1) {}

  const std::function<void(std::size_t, std::size_t, std::size_t)>* part;
  std::size_t count;
  std::size_t ranges;
  std::mutex lock;
  std::condition_variable finished;
  std::size_t running;  // pieces other than the caller's first
  std::exception_ptr failure;

  void run(std::size_t index) noexcept {
    try {
      (*part)(index, count * index / ranges, count * (index + 1) / ranges);
    } catch (...) {
      std::lock_guard hold(lock);
      if (!failure) failure = std::current_exception();
    }
  }
  void done() {
    std::lock_guard hold(lock);
    if (--running == 0) finished.notify_all();
  }
};

struct Piece {
  Job* job;
  std::size_t index;
};

// Helper threads, started at first use and stopped at exit. A piece stays in the queue until a helper takes
// it, so its caller can take it back: a queued piece never outlives its Job.
class Helpers {
 public:
  static Helpers& instance() {
    static Helpers helpers;
    return helpers;
  }
  std::size_t size() const noexcept { return threads_.size(); }

  void queue(Job& job, std::size_t first, std::size_t end) {
    {
      std::lock_guard hold(lock_);
      for (std::size_t index = first; index < end; ++index) queue_.push_back({&job, index});
    }
    for (std::size_t index = first; index < end; ++index) waiting_.notify_one();
  }
  // True when the piece was still queued: it is the caller's to run now.
  bool take_back(const Job& job, std::size_t index) {
    std::lock_guard hold(lock_);
    const auto found = std::find_if(queue_.begin(), queue_.end(),
                                    [&](const Piece& piece) { return piece.job == &job && piece.index == index; });
    if (found == queue_.end()) return false;
    queue_.erase(found);
    return true;
  }

 private:
  Helpers() {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    for (unsigned core = 1; core < cores; ++core) threads_.emplace_back([this] { serve(); });
  }
  ~Helpers() {
    {
      std::lock_guard hold(lock_);
      stopping_ = true;
    }
    waiting_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

  void serve() {
    for (;;) {
      Piece piece{};
      {
        std::unique_lock hold(lock_);
        waiting_.wait(hold, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        piece = queue_.front();
        queue_.pop_front();
      }
      piece.job->run(piece.index);
      piece.job->done();
    }
  }

  std::mutex lock_;
  std::condition_variable waiting_;
  std::deque<Piece> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

std::size_t range_count(std::size_t count, std::size_t min_per_range) noexcept {
  const std::size_t cores = Helpers::instance().size() + 1;
  return std::max<std::size_t>(1, std::min(cores, count / std::max<std::size_t>(1, min_per_range)));
}

void for_each_range(std::size_t count, std::size_t ranges,
                    const std::function<void(std::size_t index, std::size_t begin, std::size_t end)>& part) {
  ranges = std::max<std::size_t>(1, ranges);
  Job job(part, count, ranges);
  Helpers& helpers = Helpers::instance();
  if (ranges > 1) helpers.queue(job, 1, ranges);
  job.run(0);
  for (std::size_t index = 1; index < ranges; ++index)
    if (helpers.take_back(job, index)) {
      job.run(index);
      job.done();
    }
  std::unique_lock hold(job.lock);
  job.finished.wait(hold, [&job] { return job.running == 0; });
  if (job.failure) std::rethrow_exception(job.failure);
}

}  // namespace killrvideo::host::embedded

#include "data/embedded/ParallelRanges.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
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

// The CPUs this process may run on (its affinity mask, which a container or `taskset` narrows).
std::vector<int> allowed_cpus() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof mask, &mask) == 0)
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
      if (CPU_ISSET(cpu, &mask)) cpus.push_back(cpu);
  if (cpus.empty()) cpus.push_back(-1);  // unknown: one core, no helpers
  return cpus;
}

// One helper thread per CPU, each bound to its CPU, with its own queue. A split sends its pieces to the
// helpers of the CPUs other than the caller's. Unbound, a helper was often woken onto the caller's own CPU
// (the scheduler places a woken thread near its waker; in the slow searches traced on two cores): the two
// halves then took turns on one core, or the caller ran the helper's piece after its own, and the request
// took up to twice as long (tools/benchmarks/SEARCH.md).
class Helper {
 public:
  explicit Helper(int cpu) : cpu_(cpu), thread_([this] { serve(); }) {}
  ~Helper() {
    {
      std::lock_guard hold(lock_);
      stopping_ = true;
    }
    waiting_.notify_one();
    thread_.join();
  }
  int cpu() const noexcept { return cpu_; }

  void queue(const Piece& piece) {
    {
      std::lock_guard hold(lock_);
      queue_.push_back(piece);
    }
    waiting_.notify_one();
  }
  // True when the piece was still queued: it is the caller's to run now. A queued piece never outlives its Job.
  bool take_back(const Job& job, std::size_t index) {
    std::lock_guard hold(lock_);
    const auto found = std::find_if(queue_.begin(), queue_.end(),
                                    [&](const Piece& piece) { return piece.job == &job && piece.index == index; });
    if (found == queue_.end()) return false;
    queue_.erase(found);
    return true;
  }

 private:
  void serve() {
    if (cpu_ >= 0) {
      cpu_set_t mask;
      CPU_ZERO(&mask);
      CPU_SET(cpu_, &mask);
      // Best effort: unbound, the helper still runs its pieces, only sometimes on the caller's CPU.
      pthread_setaffinity_np(pthread_self(), sizeof mask, &mask);
    }
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

  const int cpu_;
  std::mutex lock_;
  std::condition_variable waiting_;
  std::deque<Piece> queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts serving once the rest is built
};

// The helpers, started at first use and stopped at exit: none on a single CPU.
class Helpers {
 public:
  static Helpers& instance() {
    static Helpers helpers;
    return helpers;
  }
  std::size_t cores() const noexcept { return cores_; }

  // Sends pieces [1, ranges) to the helpers of CPUs other than the caller's, one each, starting after the
  // caller's so that callers on different CPUs spread over different helpers. Returns who got which piece:
  // null for the caller's own (the first, and any beyond the helpers there are).
  std::vector<Helper*> queue(Job& job, std::size_t ranges) {
    std::vector<Helper*> assigned(ranges, nullptr);
    if (ranges < 2 || helpers_.empty()) return assigned;
    const int caller_cpu = sched_getcpu();
    std::size_t start = 0;
    for (std::size_t at = 0; at < helpers_.size(); ++at)
      if (helpers_[at]->cpu() == caller_cpu) start = at + 1;
    std::size_t index = 1;
    for (std::size_t step = 0; step < helpers_.size() && index < ranges; ++step) {
      Helper& helper = *helpers_[(start + step) % helpers_.size()];
      if (helper.cpu() == caller_cpu) continue;
      assigned[index] = &helper;
      helper.queue({&job, index++});
    }
    return assigned;
  }

 private:
  Helpers() {
    const std::vector<int> cpus = allowed_cpus();
    cores_ = cpus.size();
    if (cores_ > 1)
      for (const int cpu : cpus) helpers_.push_back(std::make_unique<Helper>(cpu));
  }

  std::size_t cores_ = 1;
  std::vector<std::unique_ptr<Helper>> helpers_;
};

}  // namespace

std::size_t range_count(std::size_t count, std::size_t min_per_range) noexcept {
  const std::size_t cores = Helpers::instance().cores();
  return std::max<std::size_t>(1, std::min(cores, count / std::max<std::size_t>(1, min_per_range)));
}

void for_each_range(std::size_t count, std::size_t ranges,
                    const std::function<void(std::size_t index, std::size_t begin, std::size_t end)>& part) {
  ranges = std::max<std::size_t>(1, ranges);
  Job job(part, count, ranges);
  const std::vector<Helper*> helpers = Helpers::instance().queue(job, ranges);
  job.run(0);
  for (std::size_t index = 1; index < ranges; ++index)
    if (helpers[index] == nullptr || helpers[index]->take_back(job, index)) {
      job.run(index);
      job.done();
    }
  std::unique_lock hold(job.lock);
  job.finished.wait(hold, [&job] { return job.running == 0; });
  if (job.failure) std::rethrow_exception(job.failure);
}

void for_each_chunk(std::size_t count, std::size_t workers, std::size_t chunk,
                    const std::function<void(std::size_t worker, std::size_t begin, std::size_t end)>& part,
                    const std::function<void(std::size_t worker)>& finish) {
  chunk = std::max<std::size_t>(1, chunk);
  std::atomic<std::size_t> next{0};
  for_each_range(workers, workers, [&](std::size_t worker, std::size_t, std::size_t) {
    for (std::size_t begin = next.fetch_add(chunk); begin < count; begin = next.fetch_add(chunk))
      part(worker, begin, std::min(count, begin + chunk));
    if (finish) finish(worker);
  });
}

}  // namespace killrvideo::host::embedded

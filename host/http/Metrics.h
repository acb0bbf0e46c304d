#pragma once
// Prometheus text exposition for GET /metrics: requests by method, route and status, a latency
// histogram, and the loaded (enabled) plugins.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace killrvideo::host {

class Metrics {
 public:
  // `route` is the matched pattern (bounded cardinality), or "unmatched".
  void observe(std::string_view method, std::string_view route, int status, double seconds);
  void add_plugin(std::string name, std::string version);
  // A plugin disabled while serving.
  void remove_plugin(const std::string& name);
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  mutable std::mutex mutex_;
  // Transparent: a request already counted is found by views of its method and route, without copies.
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
  std::uint64_t latency_count_ = 0;
  double latency_sum_ = 0.0;
  std::vector<std::pair<std::string, std::string>> plugins_;
};

}  // namespace killrvideo::host

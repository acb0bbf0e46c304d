#include "http/Metrics.h"

#include <algorithm>

#include <fmt/format.h>

namespace killrvideo::host {

namespace {

// Label values may hold a route pattern; escape what the exposition format requires.
std::string escape_label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::observe(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  const auto counted = requests_.find(std::make_tuple(method, route, status));
  if (counted != requests_.end()) {
    ++counted->second;
  } else {
    requests_.emplace(std::make_tuple(std::string(method), std::string(route), status), 1);
  }
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  ++latency_count_;
  latency_sum_ += seconds;
}

void Metrics::add_plugin(std::string name, std::string version) {
  std::lock_guard lock(mutex_);
  plugins_.emplace_back(std::move(name), std::move(version));
}

void Metrics::remove_plugin(const std::string& name) {
  std::lock_guard lock(mutex_);
  plugins_.erase(std::remove_if(plugins_.begin(), plugins_.end(), [&](const auto& plugin) { return plugin.first == name; }),
                 plugins_.end());
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP killrvideo_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE killrvideo_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("killrvideo_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                       escape_label(method), escape_label(route), status, count);
  }
  out += "# HELP killrvideo_http_request_duration_seconds Time from request parsed to response ready.\n";
  out += "# TYPE killrvideo_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    out += fmt::format("killrvideo_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i],
                       bucket_counts_[i]);
  }
  out += fmt::format("killrvideo_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", latency_count_);
  out += fmt::format("killrvideo_http_request_duration_seconds_sum {}\n", latency_sum_);
  out += fmt::format("killrvideo_http_request_duration_seconds_count {}\n", latency_count_);
  out += "# HELP killrvideo_plugin_loaded Plugins loaded by this server.\n";
  out += "# TYPE killrvideo_plugin_loaded gauge\n";
  for (const auto& [name, version] : plugins_) {
    out += fmt::format("killrvideo_plugin_loaded{{plugin=\"{}\",version=\"{}\"}} 1\n", escape_label(name),
                       escape_label(version));
  }
  return out;
}

}  // namespace killrvideo::host

#pragma once
#include <csignal>

namespace killrvideo::host {

// SIGTERM and SIGINT, blocked in every thread and taken synchronously by one waiter, so that a stop is
// handled in ordinary code rather than in a signal handler. Construct before any thread starts: threads
// inherit the mask.
class StopSignals {
 public:
  StopSignals();
  // Returns the signal that arrived.
  int wait() const;

 private:
  sigset_t set_;
};

}  // namespace killrvideo::host

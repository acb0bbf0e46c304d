#include "services/StopSignals.h"

#include <pthread.h>

namespace killrvideo::host {

StopSignals::StopSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
}

int StopSignals::wait() const {
  int received = 0;
  while (sigwait(&set_, &received) != 0) {
  }
  return received;
}

}  // namespace killrvideo::host

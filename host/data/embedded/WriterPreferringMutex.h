#pragma once
// A reader/writer lock (std::shared_lock / std::unique_lock work with it) that lets a waiting writer in ahead
// of readers that arrive after it. std::shared_mutex on glibc prefers readers: under a steady stream of
// overlapping searches, an upsert waits for as long as the stream lasts.
// Not recursive: a thread holding it shared must not take it shared again (it would wait behind the writer
// that waits for it).

#include <pthread.h>

#include <system_error>

namespace killrvideo::host::embedded {

class WriterPreferringMutex {
 public:
  WriterPreferringMutex() {
    pthread_rwlockattr_t attributes;
    pthread_rwlockattr_init(&attributes);
    pthread_rwlockattr_setkind_np(&attributes, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    const int error = pthread_rwlock_init(&lock_, &attributes);
    pthread_rwlockattr_destroy(&attributes);
    if (error != 0) throw std::system_error(error, std::system_category(), "pthread_rwlock_init");
  }
  ~WriterPreferringMutex() { pthread_rwlock_destroy(&lock_); }
  WriterPreferringMutex(const WriterPreferringMutex&) = delete;
  WriterPreferringMutex& operator=(const WriterPreferringMutex&) = delete;

  void lock() { check(pthread_rwlock_wrlock(&lock_)); }
  void unlock() { pthread_rwlock_unlock(&lock_); }
  void lock_shared() { check(pthread_rwlock_rdlock(&lock_)); }
  void unlock_shared() { pthread_rwlock_unlock(&lock_); }

 private:
  static void check(int error) {
    if (error != 0) throw std::system_error(error, std::system_category(), "pthread_rwlock");
  }

  pthread_rwlock_t lock_;
};

}  // namespace killrvideo::host::embedded

#pragma once
// killrvideo-load --recount for this plugin: comment totals and rating counters are kept with $inc on
// every write path, so they drift only when a write path stops half way (a crash between a row and its
// count). The repair recounts them from the rows they count and overwrites what differs.

#include "killrvideo/plugin/Registrar.h"

#include "CommentsRatingsServices.h"

namespace killrvideo::comments_ratings {

class CounterRepair {
 public:
  explicit CounterRepair(CommentsRatingsServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  void recount_comments(const plugin::CorrectionLog& correct) const;
  void recount_ratings(const plugin::CorrectionLog& correct) const;

  CommentsRatingsServices& services_;
};

}  // namespace killrvideo::comments_ratings

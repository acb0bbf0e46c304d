#pragma once
// Tag suggestions over every searchable video (#20): how many videos carry each tag (`tag_counts`, $inc)
// and, per 1-, 2- and 3-byte piece of a lowercased tag, the tags containing it (`tag_grams`), so that a
// suggestion reads one partition of pieces — never the videos.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::search {

// Longer suggestion queries match no tag of the catalog's length limit; they are answered with [] unread.
inline constexpr std::size_t kMaxSuggestQueryBytes = 200;

// The pieces a tag is found by: every substring of 1 to 3 bytes of the lowercased tag, each once.
std::vector<std::string> grams_of(const std::string& tag);
std::string lowercase_ascii(std::string text);

class TagIndex {
 public:
  explicit TagIndex(plugin::DataClient& data);

  // One more searchable video carries each tag; a tag's first video writes its pieces.
  void count_in(const std::vector<std::string>& tags) const;
  // One fewer. A tag at zero keeps its pieces (a concurrent count_in may be bringing it back); a
  // suggestion skips it, and the recount clears it.
  void count_out(const std::vector<std::string>& tags) const;

  // Up to `limit` tags containing `query` (case-insensitive), alphabetical, each carried by a video.
  std::vector<std::string> suggest(const std::string& query, std::size_t limit) const;

  // The recount's view and corrections.
  std::map<std::string, std::int64_t> stored_counts() const;
  void set_count(const std::string& tag, std::int64_t videos) const;
  void write_grams(const std::string& tag) const;
  void clear_grams(const std::string& tag) const;

 private:
  // Of `tags`, those counted above zero.
  std::vector<std::string> carried(const std::vector<std::string>& tags) const;

  plugin::data::Collection counts_;
  plugin::data::Table grams_;
};

}  // namespace killrvideo::search

#pragma once
// The instant a version-1 (time-based) UUID was made: a comment id carries its own creation time.

#include <cstdint>
#include <optional>
#include <string_view>

namespace killrvideo::comments_ratings {

// Milliseconds since the Unix epoch of a canonical version-1 UUID; none for any other text.
std::optional<std::int64_t> timeuuid_epoch_ms(std::string_view uuid);

}  // namespace killrvideo::comments_ratings

#pragma once
// The reference's deterministic stand-in for a sentiment model (api-contract §5.9).

#include <optional>
#include <string_view>

namespace killrvideo::comments_ratings {

// -0.8 for sad words, 0.9 for enthusiastic ones, none for very short neutral text, else 0.1.
std::optional<double> sentiment_of(std::string_view comment);

}  // namespace killrvideo::comments_ratings

#pragma once
// Which videos may be recommended at all, in one place.

#include <nlohmann/json.hpp>

namespace killrvideo::recommendations {

using Row = nlohmann::ordered_json;

// Only READY videos (rows without a status are READY, api-contract §4.2 #8). A video that is pending,
// failed, or REMOVED by moderation (any status but READY) is never recommended.
bool is_recommendable(const Row& video);

}  // namespace killrvideo::recommendations

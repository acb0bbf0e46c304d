#include "Recommendable.h"

#include "VideoJson.h"

namespace killrvideo::recommendations {

bool is_recommendable(const Row& video) { return catalog::status_of(video) == catalog::kStatusReady; }

}  // namespace killrvideo::recommendations

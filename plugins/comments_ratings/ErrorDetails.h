#pragma once
// The problem details this plugin answers with (api-contract §4.4): clients and tests match them exactly.

namespace killrvideo::comments_ratings {

inline constexpr const char* kVideoNotFoundDetail = "Video not found";
inline constexpr const char* kVideoNotReadyForCommentsDetail = "Video is not ready for comments yet";
inline constexpr const char* kVideoNotAvailableForRatingDetail = "Video not available for rating";
inline constexpr const char* kNotAuthenticatedDetail = "Not authenticated";

}  // namespace killrvideo::comments_ratings

#pragma once
// The problem details this plugin answers with (api-contract §4.6): clients and tests match them exactly.

namespace killrvideo::moderation {

inline constexpr const char* kVideoNotFoundDetail = "Video not found";
inline constexpr const char* kCommentNotFoundDetail = "Comment not found";
inline constexpr const char* kFlagNotFoundDetail = "Flag not found";
inline constexpr const char* kFlagAlreadyResolvedDetail = "Flag already resolved";

}  // namespace killrvideo::moderation

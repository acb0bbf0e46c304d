#pragma once
// CommentResponse (api-contract §2) with its exact mixed-case keys, which the frontend reads as they are.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "AuthorNames.h"
#include "Comment.h"

namespace killrvideo::comments_ratings {

// {commentid, videoid, userid, comment, sentiment_score, firstName, lastName}; unknown authors' names null.
nlohmann::json comment_json(const Comment& comment, const std::map<std::string, AuthorName>& names);
// The comments of a page with their authors' names, read in one query.
nlohmann::json comments_json(const std::vector<Comment>& comments, const AuthorNames& authors);

}  // namespace killrvideo::comments_ratings

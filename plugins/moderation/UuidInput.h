#pragma once
// A UUID a client sent in a body or query field: accepted in any case, as Pydantic does, and returned
// lowercase, the way every id is stored; anything else is FastAPI's 422 `uuid_parsing` naming the field.

#include <string>

namespace killrvideo::moderation {

// `location` is "body" or "query".
std::string uuid_input(const std::string& text, const char* location, const char* field);

}  // namespace killrvideo::moderation

#pragma once
// The answers the Data API gives before a command runs (data-api-wire §1.3): authentication and content
// type refusals and unreadable bodies as Data API envelopes, and plain-text HTTP errors for bad paths,
// methods and sizes, as the real server's HTTP layer sends them.

#include <string>
#include <string_view>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::dataapi {

plugin::Response missing_token();                                    // 401 MISSING_AUTHENTICATION_TOKEN
plugin::Response wrong_token();                                      // 401 UNAUTHENTICATED_REQUEST
plugin::Response unsupported_content_type(std::string_view given);   // 415 UNSUPPORTED_CONTENT_TYPE
plugin::Response request_not_json(const std::string& problem);       // 200 REQUEST_NOT_JSON
plugin::Response plain_http_error(int status, const std::string& text);

}  // namespace killrvideo::dataapi

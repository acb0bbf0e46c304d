#pragma once
// The form of an email address that identifies an account: every ASCII letter lower-cased, so that
// `Mod@Example.com` and `mod@example.com` are one account (credentials key, duplicate check, moderator
// list). Non-ASCII bytes are compared as they are: no Unicode case folding.

#include <string>
#include <string_view>

namespace killrvideo::accounts {

std::string email_key(std::string_view address);

}  // namespace killrvideo::accounts

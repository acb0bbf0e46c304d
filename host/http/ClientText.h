#pragma once
// Client-controlled bytes (paths, methods, Host) made safe to write somewhere else: every byte outside
// printable ASCII is escaped, so a request can neither forge a log line with CR/LF nor send escape
// sequences to a terminal, nor put bytes that are not UTF-8 into a JSON answer.

#include <string>
#include <string_view>

namespace killrvideo::host {

// For a log line: such bytes, and the backslash, become \xhh.
std::string loggable(std::string_view client_text);

// For a URL in an answer: such bytes, and the space, become %HH.
std::string url_text(std::string_view client_text);

}  // namespace killrvideo::host

#pragma once
// Ids for requests that arrive without a usable X-Request-Id: shaped like a UUID v4 (what clients and
// logs expect) from a generator each thread seeds once. They only need to be distinct, not unguessable,
// so they cost no system call (libuuid reads the kernel's random source for each one).

#include <string>

namespace killrvideo::host {

std::string new_request_id();

}  // namespace killrvideo::host

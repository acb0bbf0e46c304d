#pragma once
#include <string>

namespace killrvideo::host::embedded {

// A random (version 4) UUID in lowercase canonical form: error ids and generated collection _ids.
std::string random_uuid4();
// True for the canonical 8-4-4-4-12 hex form, either case.
bool is_uuid(const std::string& text) noexcept;

}  // namespace killrvideo::host::embedded

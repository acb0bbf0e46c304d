#pragma once
// The secret that signs tokens: the configured one, or — for a development config, or a process that
// never hands out tokens (killrvideo-load) — one made at random now.

#include <string>

#include "config/Config.h"

namespace killrvideo::host {

// 32 random bytes as hex. Throws StartupError when the system cannot supply them.
std::string random_jwt_secret();

// The configured secret; for a development config without one, a random secret (with a warning, since tokens
// then do not survive a restart). Throws StartupError, naming `config_path`, for any other config without one.
std::string jwt_secret_for(const AuthConfig& auth, const std::string& config_path);

}  // namespace killrvideo::host

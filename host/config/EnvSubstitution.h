#pragma once
// `${VAR}` and `${VAR:-default}` references in a config value, replaced from the environment.

#include <string>

namespace killrvideo::host {

// Like the shell: an unset VAR reads as empty, and `:-default` applies when VAR is unset or empty.
// Throws std::invalid_argument for an unterminated `${` or a name that is not [A-Za-z_][A-Za-z0-9_]*;
// the message does not repeat the value, which may be a secret.
std::string substitute_env_vars(const std::string& text);

}  // namespace killrvideo::host

#pragma once
// Reads the server's config file (design §6). Every problem — unreadable file, YAML syntax, unknown key,
// wrong type, value out of range — is a ConfigError whose message names the file and the line.

#include <string>

#include "config/Config.h"
#include "config/ConfigError.h"

namespace killrvideo::host {

// Reads and parses the file at `path`; Config::source_path is `path`.
Config load_config(const std::string& path);

// Parses YAML text; `source_name` stands for the file in error messages and in Config::source_path.
Config parse_config(const std::string& yaml_text, const std::string& source_name);

}  // namespace killrvideo::host

#pragma once
// A plugin's free-form `config:` block, handed to the plugin as JSON text (design §6).

#include <string>

#include "config/ConfigNode.h"

namespace killrvideo::host {

// `block` must be a mapping (or empty). Unquoted scalars are typed as YAML reads them — integers,
// decimals, true/false, null/~ — after ${VAR} substitution; quoted scalars always stay strings.
std::string plugin_config_json(const ConfigNode& block);

}  // namespace killrvideo::host

#pragma once
// Where the Astra settings come from and when they are usable. The YAML loader substitutes
// ${ASTRA_DB_...} itself (config/astra.yaml); resolve_astra_config covers configs built in code or
// files that leave the fields empty.

#include "config/Config.h"

namespace killrvideo::host::astra {

inline constexpr const char* kEndpointVariable = "ASTRA_DB_API_ENDPOINT";
inline constexpr const char* kTokenVariable = "ASTRA_DB_APPLICATION_TOKEN";
inline constexpr const char* kKeyspaceVariable = "ASTRA_DB_KEYSPACE";
inline constexpr const char* kDefaultKeyspace = "killrvideo";

// Fills each empty field from its environment variable; an empty keyspace with no variable set becomes
// "killrvideo". Fields the config set are kept.
AstraConfig resolve_astra_config(AstraConfig config);

// Throws std::invalid_argument naming the field (and its environment variable) when the endpoint or token
// is missing, the endpoint is not http(s), the keyspace is not a valid name, or the timeout is not
// positive. The message never contains the token.
void check_astra_config(const AstraConfig& config);

}  // namespace killrvideo::host::astra

#pragma once
#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::astra {

// Reads change nothing on the server, so repeating one after a lost connection is safe. Everything else,
// DDL included, is a write and is sent at most once.
enum class CommandKind { Read, Write };

// Decided by the envelope's command name ({"find": {...}} → Read); anything unrecognised is a Write.
CommandKind command_kind(const nlohmann::ordered_json& command) noexcept;

}  // namespace killrvideo::host::astra

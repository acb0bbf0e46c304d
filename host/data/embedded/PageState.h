#pragma once
// The opaque pageState of find (data-api-wire §7): base64 of the row offset and a hash of the query
// it belongs to, so a state sent with any other query is refused.

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

// Identifies a query: target and command body without the paging options.
std::uint64_t query_fingerprint(const std::string& keyspace, const std::string& target, const std::string& command,
                                const nlohmann::ordered_json& body);
std::string encode_page_state(std::uint64_t offset, std::uint64_t fingerprint);
// The offset to resume from; 0 for an absent/null/"" state. Fails with COMMAND_FIELD_VALUE_INVALID
// for a malformed state or one issued for another query.
std::uint64_t decode_page_state(const nlohmann::ordered_json& options, std::uint64_t fingerprint);
// True when options carry a non-empty pageState (or its legacy alias pagingState).
bool has_page_state(const nlohmann::ordered_json& options);

}  // namespace killrvideo::host::embedded

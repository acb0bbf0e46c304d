#pragma once
// The opaque pageState of find (data-api-wire §7): base64 of the row offset and a hash of the query
// it belongs to, so a state sent with a query that selects or orders other rows is refused.

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

// Identifies a query by what decides its rows and their order: target, command, filter and sort. The
// projection and the options (limit, includeSimilarity, includeSortVector, …) are left out: clients add
// or drop them between pages (astra-db-ts adds "includeSortVector":false from the second page on), and
// an offset into the same rows stays right whatever columns or extras each page asks for.
std::uint64_t query_fingerprint(const std::string& keyspace, const std::string& target, const std::string& command,
                                const nlohmann::ordered_json& body);
std::string encode_page_state(std::uint64_t offset, std::uint64_t fingerprint);
// The offset to resume from; 0 for an absent/null/"" state. Fails with COMMAND_FIELD_VALUE_INVALID
// for a malformed state or one issued for another query.
std::uint64_t decode_page_state(const nlohmann::ordered_json& options, std::uint64_t fingerprint);
// True when options carry a non-empty pageState (or its legacy alias pagingState).
bool has_page_state(const nlohmann::ordered_json& options);

}  // namespace killrvideo::host::embedded

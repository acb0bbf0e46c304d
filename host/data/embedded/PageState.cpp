#include "data/embedded/PageState.h"

#include <cinttypes>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/Base64.h"

namespace killrvideo::host::embedded {

namespace {

// FNV-1a: stable across processes and builds, unlike std::hash.
std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

std::string state_text(const nlohmann::ordered_json& options) {
  for (const char* name : {"pageState", "pagingState"}) {
    const auto found = options.find(name);
    if (found == options.end() || found->is_null()) continue;
    if (!found->is_string()) fail("", "REQUEST_STRUCTURE_MISMATCH", std::string("'") + name + "' must be a string.");
    if (!found->get<std::string>().empty()) return found->get<std::string>();
  }
  return "";
}

[[noreturn]] void invalid_state(const std::string& why) {
  fail("", "COMMAND_FIELD_VALUE_INVALID", "Command field 'options.pageState' not valid: " + why + ".");
}

}  // namespace

std::uint64_t query_fingerprint(const std::string& keyspace, const std::string& target, const std::string& command,
                                const nlohmann::ordered_json& body) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  for (const char* clause : {"filter", "sort"}) {
    const auto found = body.find(clause);
    // An absent or null clause and an empty one select the same rows.
    rows[clause] = found == body.end() || found->is_null() ? nlohmann::ordered_json::object() : *found;
  }
  return fnv1a(keyspace + "/" + target + "/" + command + "/" + rows.dump());
}

std::string encode_page_state(std::uint64_t offset, std::uint64_t fingerprint) {
  char text[64];
  std::snprintf(text, sizeof text, "kv1:%" PRIu64 ":%016" PRIx64, offset, fingerprint);
  return base64_encode(text);
}

std::uint64_t decode_page_state(const nlohmann::ordered_json& options, std::uint64_t fingerprint) {
  const std::string state = state_text(options);
  if (state.empty()) return 0;
  const auto text = base64_decode(state);
  std::uint64_t offset = 0, issued_for = 0;
  if (!text || std::sscanf(text->c_str(), "kv1:%" SCNu64 ":%" SCNx64, &offset, &issued_for) != 2)
    invalid_state("not a page state issued by this server");
  if (issued_for != fingerprint) invalid_state("the page state belongs to a different query");
  return offset;
}

bool has_page_state(const nlohmann::ordered_json& options) { return !state_text(options).empty(); }

}  // namespace killrvideo::host::embedded

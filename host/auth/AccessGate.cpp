#include "auth/AccessGate.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace killrvideo::host {

namespace {

using plugin::Access;
using plugin::Principal;

constexpr std::string_view kBearerScheme = "bearer";
constexpr std::string_view kWhitespace = " \t";
constexpr std::string_view kLegacyViewerRole = "active";  // what the reference's login put in tokens

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kWhitespace) - first + 1);
}

// "Bearer <jwt>", scheme in any case; anything else means the caller sent no token.
std::optional<std::string_view> bearer_token(std::optional<std::string_view> authorization) {
  if (!authorization) return std::nullopt;
  const auto space = authorization->find(' ');
  if (space == std::string_view::npos || !equals_ignoring_case(authorization->substr(0, space), kBearerScheme)) {
    return std::nullopt;
  }
  const auto token = trim(authorization->substr(space + 1));
  if (token.empty()) return std::nullopt;
  return token;
}

// Lookups registered through Registrar are already guarded; this keeps a raw one from turning an
// Optional route into an error.
plugin::StoredAccount look_up(const plugin::AccountLookup& lookup, const std::string& user_id) {
  try {
    return lookup(user_id);
  } catch (...) {
    plugin::StoredAccount failed;
    failed.error = "account lookup threw";
    return failed;
  }
}

std::vector<std::string_view> accepted_roles(Access gate) {
  switch (gate) {
    case Access::Viewer: return {"viewer", "creator", "moderator"};
    case Access::Creator: return {"creator", "moderator"};
    case Access::Moderator: return {"moderator"};
    default: return {};
  }
}

bool passes(const Principal& principal, Access gate, const std::vector<std::string_view>& accepted) {
  if (gate == Access::Viewer && principal.has_role(kLegacyViewerRole)) return true;
  return std::any_of(accepted.begin(), accepted.end(), [&](std::string_view role) { return principal.has_role(role); });
}

// Python's repr of a list of strings, which the reference puts in its 403 detail.
std::string python_list(const std::vector<std::string_view>& roles) {
  std::string listed = "[";
  for (const auto& role : roles) {
    if (listed.size() > 1) listed += ", ";
    listed += "'" + std::string(role) + "'";
  }
  return listed + "]";
}

AccessOutcome authorize(Access gate, Principal principal) {
  if (principal.roles.empty()) return AccessRefused{403, "User has no roles assigned", {}};
  const auto accepted = accepted_roles(gate);
  if (gate != Access::AnyAuth && !passes(principal, gate, accepted)) {
    return AccessRefused{403, "User does not have any of the required roles: " + python_list(accepted), {}};
  }
  return AccessGranted{std::move(principal)};
}

}  // namespace

AccessGate::AccessGate(const JwtCodec& codec) : codec_(codec) {}

AccessOutcome AccessGate::check(Access access, std::optional<std::string_view> authorization,
                                const plugin::AccountLookup& lookup) const {
  if (access == Access::Public) return AccessGranted{};
  auto identification = identify(authorization, lookup);
  auto* principal = std::get_if<Principal>(&identification);
  if (access == Access::Optional) {
    return principal ? AccessGranted{std::move(*principal)} : AccessGranted{};
  }
  if (!principal) return std::get<AccessRefused>(std::move(identification));
  return authorize(access, std::move(*principal));
}

AccessGate::Identification AccessGate::identify(std::optional<std::string_view> authorization,
                                                const plugin::AccountLookup& lookup) const {
  const auto token = bearer_token(authorization);
  if (!token) return AccessRefused{401, "Not authenticated", {}};
  auto verification = codec_.verify(*token);
  if (const auto* failure = std::get_if<TokenFailure>(&verification)) return AccessRefused{401, failure->detail, {}};
  auto& claims = std::get<TokenClaims>(verification);
  Principal principal{std::move(claims.subject), std::move(claims.roles)};
  if (!lookup) return principal;

  auto account = look_up(lookup, principal.user_id);
  if (!account.error.empty()) {
    return AccessRefused{503, "Unable to reach data store. Please try again later.", std::move(account.error)};
  }
  if (!account.found) return AccessRefused{404, "User not found", {}};
  // Stored roles win; an account stored without any falls back to what its token says.
  if (!account.roles.empty()) principal.roles = std::move(account.roles);
  return principal;
}

}  // namespace killrvideo::host

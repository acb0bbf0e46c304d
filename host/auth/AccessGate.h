#pragma once
// Who may call a route (api-contract §1.5). The host asks before each handler runs; the answer is either
// go ahead, as someone or anonymously, or a ready-made refusal.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "auth/JwtCodec.h"
#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::host {

struct AccessGranted {
  std::optional<plugin::Principal> principal;  // nullopt: anonymous
};

struct AccessRefused {
  int status;
  std::string detail;   // the client-facing problem detail
  std::string failure;  // why the account lookup failed, for the host's log only (503)
};

using AccessOutcome = std::variant<AccessGranted, AccessRefused>;

class AccessGate {
 public:
  // `codec` must outlive the gate.
  explicit AccessGate(const JwtCodec& codec);

  // `authorization` is the raw header value. `lookup` is empty when no plugin provides accounts; the
  // token's roles are then taken at their word.
  AccessOutcome check(plugin::Access access, std::optional<std::string_view> authorization,
                      const plugin::AccountLookup& lookup) const;

 private:
  using Identification = std::variant<plugin::Principal, AccessRefused>;

  Identification identify(std::optional<std::string_view> authorization,
                          const plugin::AccountLookup& lookup) const;

  const JwtCodec& codec_;
};

}  // namespace killrvideo::host

#pragma once
// The account lookup the access gate uses, from whichever enabled plugin provides it. A provider enabled
// or disabled while serving swaps it; a request takes the lookup current when its access is checked.

#include <memory>
#include <string>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::host {

class AccountLookupSlot {
 public:
  // Empty: no enabled plugin provides accounts (tokens are then checked without an account).
  plugin::AccountLookup current() const {
    const auto held = std::atomic_load(&lookup_);
    return held != nullptr ? held->lookup : plugin::AccountLookup{};
  }
  std::string provider() const {
    const auto held = std::atomic_load(&lookup_);
    return held != nullptr ? held->provider : std::string();
  }
  void provide(std::string plugin, plugin::AccountLookup lookup) {
    std::atomic_store(&lookup_, std::make_shared<const Held>(Held{std::move(plugin), std::move(lookup)}));
  }
  void withdraw(const std::string& plugin) {
    const auto held = std::atomic_load(&lookup_);
    if (held != nullptr && held->provider == plugin) std::atomic_store(&lookup_, std::shared_ptr<const Held>());
  }

 private:
  struct Held {
    std::string provider;
    plugin::AccountLookup lookup;
  };
  std::shared_ptr<const Held> lookup_;
};

}  // namespace killrvideo::host

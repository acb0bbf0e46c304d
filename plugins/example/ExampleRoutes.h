#pragma once
// The example's two routes: a public read built from config and event state, and an authenticated
// write-shaped route that validates its JSON body the way FastAPI would.

#include <atomic>
#include <cstdint>
#include <string>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::example {

inline constexpr std::size_t kMaxEchoMessageLength = 200;

class ExampleRoutes {
 public:
  ExampleRoutes(std::string greeting, const std::atomic<std::int64_t>& views_seen);

  void register_with(plugin::Registrar& registrar);

  // GET /api/v1/example/greetings/{name}
  plugin::Response greet(const plugin::Request& request) const;
  // POST /api/v1/example/echo
  plugin::Response echo(const plugin::Request& request) const;

 private:
  std::string greeting_;
  const std::atomic<std::int64_t>& views_seen_;
};

}  // namespace killrvideo::example

#pragma once
// The example's notes, kept in the table it owns (example_notes) through the SDK's data::Table:
//   POST /api/v1/example/notes             (any valid token) {"body": "..."} → 201 the note
//   GET  /api/v1/example/notes/{noteId}    (public)          → 200 the note, 404 when there is none

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::example {

inline constexpr std::size_t kMaxNoteLength = 500;

class ExampleNotes {
 public:
  explicit ExampleNotes(plugin::HostServices& host) : host_(host) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response add(const plugin::Request& request) const;
  plugin::Response get(const plugin::Request& request) const;

 private:
  plugin::HostServices& host_;
};

}  // namespace killrvideo::example

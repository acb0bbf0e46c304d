#include "ExampleNotes.h"

#include <nlohmann/json.hpp>

#include "ExampleTables.h"
#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::example {

namespace {

// A stored row as the API shows it; the engine omits null columns, so each is read with a default.
nlohmann::json note_json(const nlohmann::ordered_json& row) {
  return {{"noteId", row.value("note_id", "")},
          {"author", row.value("author", "")},
          {"body", row.value("body", "")},
          {"createdAt", row.value("created_at", "")}};
}

}  // namespace

void ExampleNotes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/example/notes", plugin::Access::AnyAuth,
                  [this](const plugin::Request& request) { return add(request); });
  registrar.route(plugin::Method::Get, "/api/v1/example/notes/{noteId:uuid}", plugin::Access::Public,
                  [this](const plugin::Request& request) { return get(request); });
}

plugin::Response ExampleNotes::add(const plugin::Request& request) const {
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized("Not authenticated");
  plugin::BodyReader body(request);
  const auto text = body.string("body", 1, kMaxNoteLength);
  body.finish();
  const nlohmann::ordered_json row = {{"note_id", host_.ids().uuid4()},
                                      {"author", caller->user_id},
                                      {"body", *text},
                                      {"created_at", plugin::iso_timestamp(host_.clock().now_ms())}};
  plugin::data::Table(host_.data(), kNotesTable).insert_one(row);
  return plugin::json_response(201, note_json(row));
}

plugin::Response ExampleNotes::get(const plugin::Request& request) const {
  const std::string note_id(request.path_param("noteId").value_or(""));
  const auto row = plugin::data::Table(host_.data(), kNotesTable).find_one(plugin::data::Filter().eq("note_id", note_id));
  if (!row) throw plugin::NotFound("Note not found");
  return plugin::json_response(200, note_json(*row));
}

}  // namespace killrvideo::example

#include "data/embedded/CollectionProjection.h"

#include <optional>

#include "data/embedded/ApiError.h"
#include "data/embedded/DocumentFilter.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

bool flag(const json& value) { return value.is_boolean() ? value.get<bool>() : value.get<int>() != 0; }

void copy_path(const json& from, json& to, const std::string& path) {
  const json* value = find_path(from, path);
  if (!value) return;
  json* target = &to;
  std::size_t start = 0;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    target = &(*target)[path.substr(start, dot - start)];
    if (!target->is_object()) *target = json::object();
    start = dot + 1;
  }
  (*target)[path.substr(start)] = *value;
}

void erase_path(json& document, const std::string& path) {
  json* parent = &document;
  std::size_t start = 0;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    const std::string segment = path.substr(start, dot - start);
    if (!parent->is_object() || !parent->contains(segment)) return;
    parent = &(*parent)[segment];
    start = dot + 1;
  }
  if (parent->is_object()) parent->erase(path.substr(start));
}

}  // namespace

void validate_collection_projection(const json& projection) {
  std::optional<bool> including;
  for (const auto& [path, value] : projection.items()) {
    if (!value.is_boolean() && !(value.is_number_integer() && (value == 0 || value == 1)))
      fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM",
           "Unsupported projection parameter: '" + path + "' must be 1, 0, true or false.");
    if (path == "*" && projection.size() != 1)
      fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM", "Unsupported projection parameter: '*' must be used alone.");
    if (path == "_id" || path == "$vector" || path == "$vectorize") continue;  // may go either way
    if (including && *including != flag(value))
      fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM",
           "Unsupported projection parameter: cannot mix inclusions and exclusions.");
    including = flag(value);
  }
}

json project_document(const json& document, const json& projection) {
  if (projection.contains("*")) return flag(projection["*"]) ? document : json::object();
  bool including = false;
  for (const auto& [path, value] : projection.items())
    if (path != "_id" && flag(value)) including = true;
  json projected = json::object();
  if (including) {
    for (const auto& [path, value] : projection.items())
      if (flag(value)) copy_path(document, projected, path);
  } else {
    projected = document;
    for (const auto& [path, value] : projection.items())
      if (!flag(value)) erase_path(projected, path);
    for (const char* hidden : {"$vector", "$vectorize"})
      if (!projection.contains(hidden)) projected.erase(hidden);
  }
  const bool keep_id = !projection.contains("_id") || flag(projection["_id"]);
  if (keep_id && document.contains("_id")) projected["_id"] = document["_id"];
  else projected.erase("_id");
  return projected;
}

}  // namespace killrvideo::host::embedded

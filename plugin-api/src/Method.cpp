#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin {

std::string_view to_string(Method method) noexcept {
  switch (method) {
    case Method::Get: return "GET";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Patch: return "PATCH";
    case Method::Delete: return "DELETE";
  }
  return "GET";
}

}  // namespace killrvideo::plugin

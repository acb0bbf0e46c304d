#include "services/UuidGenerator.h"

#include <uuid/uuid.h>

namespace killrvideo::host {

namespace {

std::string unparse(const uuid_t id) {
  char text[37];
  uuid_unparse_lower(id, text);
  return text;
}

}  // namespace

std::string UuidGenerator::uuid4() noexcept {
  uuid_t id;
  uuid_generate_random(id);
  return unparse(id);
}

std::string UuidGenerator::timeuuid() noexcept {
  uuid_t id;
  // The _safe variant reports whether uniqueness across processes was guaranteed; within this
  // process libuuid's clock sequence already keeps ids distinct, which is what timeuuid keys need.
  uuid_generate_time_safe(id);
  return unparse(id);
}

}  // namespace killrvideo::host

#include "UuidInput.h"

#include <algorithm>
#include <cctype>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Validation.h"

namespace killrvideo::moderation {

std::string uuid_input(const std::string& text, const char* location, const char* field) {
  std::string lowered = text;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (plugin::is_canonical_uuid(lowered)) return lowered;
  throw plugin::ValidationError({{"uuid_parsing",
                                  {location, field},
                                  "Input should be a valid UUID, invalid character: expected an optional prefix of "
                                  "`urn:uuid:` followed by [0-9a-fA-F-]",
                                  text,
                                  nullptr}});
}

}  // namespace killrvideo::moderation

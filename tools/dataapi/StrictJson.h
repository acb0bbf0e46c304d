#pragma once
// Request bodies as the Data API reads them: strict JSON where a repeated key in any object is an
// error (data-api-wire §1.4), not "last one wins" as in nlohmann::ordered_json's default parser.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace killrvideo::dataapi {

struct StrictParse {
  std::optional<nlohmann::ordered_json> value;  // set when the text is valid JSON without duplicate keys
  std::string problem;                  // why not, otherwise
};

StrictParse parse_strict_json(const std::string& text);

}  // namespace killrvideo::dataapi

#pragma once
// Collection projections (data-api-wire §5): inclusion or exclusion of (dotted) paths; $vector and
// $vectorize hidden unless named or "*":1.

#include <nlohmann/json.hpp>

namespace killrvideo::host::embedded {

void validate_collection_projection(const nlohmann::ordered_json& projection);
nlohmann::ordered_json project_document(const nlohmann::ordered_json& document, const nlohmann::ordered_json& projection);

}  // namespace killrvideo::host::embedded

#include "killrvideo/plugin/data/Results.h"

#include <stdexcept>

namespace killrvideo::plugin::data {

std::vector<std::string> FindResult::warning_codes() const {
  std::vector<std::string> codes;
  for (const auto& warning : warnings) codes.push_back(warning.error_code);
  return codes;
}

double similarity_of(const nlohmann::ordered_json& document) {
  const auto score = document.find("$similarity");
  if (score == document.end() || !score->is_number()) {
    throw std::invalid_argument("the row has no $similarity: ask for it with include_similarity under a vector sort");
  }
  return score->get<double>();
}

}  // namespace killrvideo::plugin::data

#include "SearchQuery.h"

#include <cctype>

#include "killrvideo/plugin/Errors.h"

namespace killrvideo::search {

namespace {

// Bytes ≥ 0x80 are parts of UTF-8 letters: they belong to words, as \w does in the reference.
bool is_word_byte(unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c >= 0x80; }

SearchMode mode_of(const plugin::Request& request) {
  const auto mode = plugin::query_string(request, "mode");
  if (!mode || *mode == "keyword") return SearchMode::Keyword;
  if (*mode == "semantic") return SearchMode::Semantic;
  throw plugin::ValidationError({{"enum", {"query", "mode"}, "Input should be 'semantic' or 'keyword'", *mode,
                                  {{"expected", "'semantic' or 'keyword'"}}}});
}

bool only_whitespace(std::string_view text) {
  for (const unsigned char c : text) {
    if (std::isspace(c) == 0) return false;
  }
  return true;
}

}  // namespace

std::size_t token_count(std::string_view text) {
  std::size_t tokens = 0;
  bool in_word = false;
  for (const unsigned char c : text) {
    if (is_word_byte(c)) {
      if (!in_word) ++tokens;
      in_word = true;
    } else {
      in_word = false;
      if (std::isspace(c) == 0) ++tokens;
    }
  }
  return tokens;
}

SearchQuery read_search_query(const plugin::Request& request) {
  SearchQuery query;
  query.text = plugin::required_query_string(request, "query");
  query.mode = mode_of(request);
  query.page = plugin::page_request(request);
  if (only_whitespace(query.text)) throw plugin::BadRequest(kEmptyQueryDetail);
  if (query.text.size() > kMaxQueryBytes) {
    throw plugin::BadRequest("Search query is too long: at most " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  if (token_count(query.text) > kMaxQueryTokens) {
    throw plugin::BadRequest("Search query is too long: at most " + std::to_string(kMaxQueryTokens) +
                             " tokens (the embedding model's limit), got " + std::to_string(token_count(query.text)));
  }
  return query;
}

}  // namespace killrvideo::search

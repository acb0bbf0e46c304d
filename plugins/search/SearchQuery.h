#pragma once
// The query of #19 search videos, read and checked (api-contract §4.3): FastAPI-shaped 422s for the
// parameters, 400s for text no search can use.

#include <cstddef>
#include <string>
#include <string_view>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Validation.h"

namespace killrvideo::search {

enum class SearchMode { Semantic, Keyword };

struct SearchQuery {
  std::string text;
  SearchMode mode = SearchMode::Keyword;
  plugin::PageRequest page;
};

// The reference's embedding model reads 512 tokens; a longer query is refused rather than clipped.
inline constexpr std::size_t kMaxQueryTokens = 512;
// A token can be one long word: the bytes are capped too, so a query never costs more than this to read.
inline constexpr std::size_t kMaxQueryBytes = 4096;
// The detail the reference answers for a query without words (api-contract §4.3).
inline constexpr const char* kEmptyQueryDetail =
    "Failed to generate query embedding: Cannot generate embedding for empty text";

// Tokens as the reference counts them: runs of word characters, and each other non-space character.
std::size_t token_count(std::string_view text);

// 422: `query` missing or empty, `mode` not semantic|keyword, page/pageSize out of range.
// 400: a query of only whitespace, over kMaxQueryTokens tokens or over kMaxQueryBytes bytes.
SearchQuery read_search_query(const plugin::Request& request);

}  // namespace killrvideo::search

#include "killrvideo/plugin/testing/FakeRequest.h"

#include <algorithm>
#include <cctype>

#include "killrvideo/plugin/PathPattern.h"

namespace killrvideo::plugin::testing {

namespace {

std::string_view query_of(std::string_view target) noexcept {
  const auto question = target.find('?');
  return question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
}

// "a=1&b=two+words&flag" → {a,1}, {b,two words}, {flag,""}; order kept so the first of a repeated key wins.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (piece.empty()) continue;
    const auto equals = piece.find('=');
    const std::string_view key = piece.substr(0, equals);
    const std::string_view value = equals == std::string_view::npos ? std::string_view() : piece.substr(equals + 1);
    pairs.emplace_back(url_decode(key, true), url_decode(value, true));
  }
  return pairs;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

template <class Pairs, class Same>
std::optional<std::string_view> first_value(const Pairs& pairs, std::string_view name, Same same) noexcept {
  for (const auto& [key, value] : pairs) {
    if (same(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

bool equals_exactly(std::string_view a, std::string_view b) noexcept { return a == b; }

}  // namespace

std::string_view raw_path_of(std::string_view target) noexcept { return target.substr(0, target.find('?')); }

FakeRequest::FakeRequest(Method method, std::string_view target, nlohmann::json body,
                         std::optional<Principal> principal, Headers headers)
    : method_(method),
      path_(url_decode(raw_path_of(target), false)),
      url_(std::string(kTestServerUrl) + std::string(target)),
      query_(parse_query(query_of(target))),
      headers_(std::move(headers)),
      body_(std::move(body)),
      principal_(std::move(principal)) {}

std::optional<std::string_view> FakeRequest::path_param(std::string_view name) const noexcept {
  return first_value(path_params_, name, equals_exactly);
}

std::optional<std::string_view> FakeRequest::query_param(std::string_view name) const noexcept {
  return first_value(query_, name, equals_exactly);
}

std::optional<std::string_view> FakeRequest::header(std::string_view name) const noexcept {
  return first_value(headers_, name, equals_ignoring_case);
}

}  // namespace killrvideo::plugin::testing

// Repeat: `s` written `n` times, for the parser's nesting and length limits.
#ifndef ALLIANCE_TESTS_QUERY_REPEATED_TEXT_H_
#define ALLIANCE_TESTS_QUERY_REPEATED_TEXT_H_

#include <string>
#include <string_view>

namespace alliance::query {

inline std::string Repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

}  // namespace alliance::query

#endif  // ALLIANCE_TESTS_QUERY_REPEATED_TEXT_H_

// StrCat / StrAppend (and EqualsIgnoreCase) that accept std::string_view. Debian's Abseil 20220623 is
// built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), so
// absl::StrCat and absl's hash containers reject std::string_view; these adapt
// it and forward everything else to absl's formatting.
#ifndef ALLIANCE_SCHEMA_STR_CAT_H_
#define ALLIANCE_SCHEMA_STR_CAT_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace alliance {

inline absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// ASCII case-insensitive equality (keywords, function names).
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return absl::EqualsIgnoreCase(ToAbsl(a), ToAbsl(b));
}

namespace str_cat_internal {

inline absl::AlphaNum Piece(std::string_view s) { return absl::AlphaNum(ToAbsl(s)); }
inline absl::AlphaNum Piece(const std::string& s) { return absl::AlphaNum(s); }
inline absl::AlphaNum Piece(const char* s) { return absl::AlphaNum(s); }
inline absl::AlphaNum Piece(absl::string_view s) { return absl::AlphaNum(s); }
template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
absl::AlphaNum Piece(T v) {
  return absl::AlphaNum(v);
}

}  // namespace str_cat_internal

template <typename... Args>
std::string StrCat(const Args&... args) {
  std::string out;
  (absl::StrAppend(&out, str_cat_internal::Piece(args)), ...);
  return out;
}

template <typename... Args>
void StrAppend(std::string* out, const Args&... args) {
  (absl::StrAppend(out, str_cat_internal::Piece(args)), ...);
}

}  // namespace alliance

#endif  // ALLIANCE_SCHEMA_STR_CAT_H_

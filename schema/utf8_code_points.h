// ForEachCodePoint: walks UTF-8 text one code point at a time, the one place
// the layers decode UTF-8 (validation on write, string functions, `=~`). A
// byte that starts no valid sequence comes alone as kInvalidCodePoint, so each
// caller decides whether to refuse, keep or map it.
#ifndef ALLIANCE_SCHEMA_UTF8_CODE_POINTS_H_
#define ALLIANCE_SCHEMA_UTF8_CODE_POINTS_H_

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace alliance {

inline constexpr int32_t kInvalidCodePoint = -1;

// Calls fn(code_point, byte_offset, byte_length) in order; fn returns false
// to stop. Returns false when stopped.
template <typename Fn>
bool ForEachCodePoint(std::string_view text, Fn&& fn) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    const size_t length = n <= 0 ? 1 : static_cast<size_t>(n);
    if (!fn(n <= 0 ? kInvalidCodePoint : static_cast<int32_t>(cp), i, length)) return false;
    i += length;
  }
  return true;
}

}  // namespace alliance

#endif  // ALLIANCE_SCHEMA_UTF8_CODE_POINTS_H_

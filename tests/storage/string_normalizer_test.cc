#include "storage/string_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>

#include "gtest/gtest.h"

namespace alliance::storage {
namespace {

std::string Utf8(int32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string LibraryNfc(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                static_cast<utf8proc_ssize_t>(text.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(len));
  std::free(out);
  return result;
}

// The fast path's claim, checked against the Unicode data utf8proc carries:
// a stable code point is its own NFC, has combining class 0, and is never
// part of another code point's canonical decomposition after its first place
// (so no two stable code points compose).
TEST(StringNormalizerTest, StableCodePointsNeitherDecomposeNorCompose) {
  for (int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (!utf8proc_codepoint_valid(cp)) continue;
    if (IsNfcStable(cp)) {
      EXPECT_EQ(LibraryNfc(Utf8(cp)), Utf8(cp)) << std::hex << cp;
      EXPECT_EQ(utf8proc_get_property(cp)->combining_class, 0) << std::hex << cp;
    }
    utf8proc_int32_t parts[8];
    utf8proc_int32_t boundclass = 0;
    const auto n = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, &boundclass);
    for (utf8proc_ssize_t i = 1; i < n; ++i) {
      EXPECT_FALSE(IsNfcStable(parts[i])) << std::hex << parts[i] << " in " << cp;
    }
  }
}

// Normalising text gives what the library gives, on the fast path (ASCII,
// Latin-1, Hangul syllables, ideographs) and off it (jamo, combining marks).
TEST(StringNormalizerTest, NormalizeTextMatchesTheLibrary) {
  const std::vector<int32_t> alphabet = {'a',    'Z',    ' ',    0xE9,   0xC5,   0x300,
                                         0x301,  0x1100, 0x1161, 0x11A8, 0xAC00, 0xD55C,
                                         0x4E2D, 0xF900, 0x212B, 0x0344};
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int k = rng() % 6; k >= 0; --k) text += Utf8(alphabet[rng() % alphabet.size()]);
    std::string normalized = text;
    ASSERT_TRUE(NormalizeText(normalized).ok());
    EXPECT_EQ(normalized, LibraryNfc(text)) << text;
  }
  std::string bad = "ok\xff";
  EXPECT_FALSE(NormalizeText(bad).ok());
}

}  // namespace
}  // namespace alliance::storage

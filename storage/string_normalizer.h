// Canonical form of stored text: valid UTF-8 in Unicode NFC, so that a name
// typed with decomposed Hangul jamo finds the same node as the precomposed one.
#ifndef ALLIANCE_STORAGE_STRING_NORMALIZER_H_
#define ALLIANCE_STORAGE_STRING_NORMALIZER_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "alliance/value.h"

namespace alliance::storage {

// Code points that NFC leaves alone wherever they stand: none decomposes,
// none combines with a neighbour (combining marks start at U+0300; trailing
// Hangul jamo, which join the syllable before them, lie outside). Text of
// only these is NFC already, which spares Korean names the library call.
bool IsNfcStable(int32_t cp);

// Replaces `text` with its NFC form; fails on invalid UTF-8 (naming the byte offset).
absl::Status NormalizeText(std::string& text);

// Normalizes every string in `value` (lists included); refuses what cannot be
// stored (maps, nodes, relationships, paths, mixed or nested lists).
absl::Status NormalizeValue(Value& value);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_STRING_NORMALIZER_H_

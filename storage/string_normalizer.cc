#include "storage/string_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

#include "schema/str_cat.h"
#include "schema/utf8_code_points.h"

namespace alliance::storage {

bool IsNfcStable(int32_t cp) {
  return (cp >= 0 && cp < 0x300) || (cp >= 0xAC00 && cp <= 0xD7A3) ||  // Hangul syllables
         (cp >= 0x4E00 && cp <= 0x9FFF);                             // CJK ideographs
}

absl::Status NormalizeText(std::string& text) {
  // ASCII is already NFC; most keys are ASCII, so skip the library call.
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return absl::OkStatus();

  size_t invalid_at = 0;
  bool stable = true;
  if (!ForEachCodePoint(text, [&](int32_t cp, size_t offset, size_t) {
        invalid_at = offset;
        stable = stable && IsNfcStable(cp);
        return cp != kInvalidCodePoint;
      })) {
    return absl::InvalidArgumentError(
        StrCat("invalid UTF-8 at byte ", invalid_at, " of a string value"));
  }
  if (stable) return absl::OkStatus();
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_uint8_t* normalized = nullptr;
  utf8proc_ssize_t len = utf8proc_map(
      bytes, size, &normalized, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (len < 0) {
    return absl::InvalidArgumentError(
        StrCat("string value cannot be normalised: ", utf8proc_errmsg(len)));
  }
  text.assign(reinterpret_cast<const char*>(normalized), static_cast<size_t>(len));
  std::free(normalized);
  return absl::OkStatus();
}

absl::Status NormalizeValue(Value& value) {
  if (value.type() > Value::Type::kList) {
    return absl::InvalidArgumentError(
        StrCat("a ", TypeName(value.type()), " cannot be stored as a property value"));
  }
  if (value.type() == Value::Type::kList) {
    const Value::List& list = value.as_list();
    for (const Value& e : list) {
      if (e.type() == Value::Type::kList || e.type() > Value::Type::kList || e.is_null() ||
          e.type() != list.front().type()) {
        return absl::InvalidArgumentError(
            StrCat("a stored list must hold values of one type, without nulls or nested "
                   "lists; got ",
                   value.ToString()));
      }
    }
  }
  if (value.type() == Value::Type::kString) {
    return NormalizeText(value.mutable_string());
  } else if (value.type() == Value::Type::kList) {
    for (Value& e : value.mutable_list()) {
      if (absl::Status s = NormalizeValue(e); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace alliance::storage

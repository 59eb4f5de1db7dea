#include "query/query_error.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/types/optional.h"
#include "query/lexer.h"
#include "schema/str_cat.h"

namespace alliance::query {
namespace {

constexpr std::string_view kTypeNames[] = {
    "SyntaxError",      "SemanticError",  "TypeError",
    "ArgumentError",    "EntityNotFound", "ConstraintVerificationFailed",
    "ParameterMissing", "ProcedureError",
};

// Longest line shown in full; longer ones are cut to a window around the column.
constexpr size_t kMaxShownChars = 100;

struct CodePoint {
  std::string_view bytes;
  uint32_t value;
};

// Splits a line into code points leniently: a malformed byte stands alone, so
// the split agrees with the lexer's column count (which counts lead bytes).
std::vector<CodePoint> SplitCodePoints(std::string_view line) {
  std::vector<CodePoint> out;
  size_t i = 0;
  while (i < line.size()) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    size_t len = 1;
    uint32_t cp = b;
    if (b >= 0xC0) {
      len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      cp = b & (0x3F >> (len - 1));
      size_t k = 1;
      for (; k < len && i + k < line.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(line[i + k]);
        if ((c & 0xC0) != 0x80) break;
        cp = (cp << 6) | (c & 0x3F);
      }
      len = k;
    }
    out.push_back({line.substr(i, len), cp});
    i += len;
  }
  return out;
}

// Terminal cells a code point occupies: 0 for combining marks, 2 for East
// Asian wide and full-width characters (Hangul, CJK, emoji), else 1.
int DisplayWidth(uint32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
      (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
      (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F)) {
    return 0;
  }
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
      (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// The source line and the caret line under `column` (1-based, code points).
std::string Excerpt(std::string_view line, uint32_t column) {
  std::vector<CodePoint> cps = SplitCodePoints(line);
  size_t caret = std::min<size_t>(column - 1, cps.size());
  size_t begin = 0;
  size_t end = cps.size();
  if (cps.size() > kMaxShownChars) {
    begin = caret > kMaxShownChars / 2 ? caret - kMaxShownChars / 2 : 0;
    end = std::min(cps.size(), begin + kMaxShownChars);
  }
  std::string text = "  ";
  std::string pad = "  ";
  if (begin > 0) {
    text += "...";
    pad += "   ";
  }
  for (size_t k = begin; k < end; ++k) {
    uint32_t cp = cps[k].value;
    // Control characters would garble the excerpt; show them as spaces.
    bool control = cp < 0x20 && cp != '\t';
    text += control ? std::string_view(" ") : cps[k].bytes;
    if (k < caret) {
      if (cp == '\t') {
        pad += '\t';
      } else {
        pad.append(control ? 1 : DisplayWidth(cp), ' ');
      }
    }
  }
  if (end < cps.size()) text += "...";
  return StrCat(text, "\n", pad, "^");
}

}  // namespace

std::string_view ErrorTypeName(ErrorType type) {
  size_t index = static_cast<size_t>(type);
  return index < std::size(kTypeNames) ? kTypeNames[index] : "QueryError";
}

std::optional<ErrorType> ErrorTypeFromName(std::string_view name) {
  for (size_t k = 0; k < std::size(kTypeNames); ++k) {
    if (kTypeNames[k] == name) return static_cast<ErrorType>(k);
  }
  return std::nullopt;
}

absl::Status MakeQueryError(ErrorType type, std::string_view detail_code, std::string_view message,
                            std::string_view query, size_t offset) {
  SourcePos pos = LocateOffset(query, offset);
  size_t line_start = pos.offset;
  while (line_start > 0 && query[line_start - 1] != '\n') --line_start;
  size_t line_end = query.find('\n', pos.offset);
  if (line_end == std::string_view::npos) line_end = query.size();
  std::string_view line = query.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  absl::Status status(
      absl::StatusCode::kInvalidArgument,
      ToAbsl(StrCat(ErrorTypeName(type), " (", detail_code, ") at line ", pos.line, ", column ",
                    pos.column, ": ", message, "\n", Excerpt(line, pos.column))));
  status.SetPayload(kQueryErrorPayload, absl::Cord(StrCat(ErrorTypeName(type), "/", detail_code)));
  return status;
}

absl::Status MakeQueryError(ErrorType type, std::string_view detail_code,
                            std::string_view message) {
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      ToAbsl(StrCat(ErrorTypeName(type), " (", detail_code, "): ", message)));
  status.SetPayload(kQueryErrorPayload, absl::Cord(StrCat(ErrorTypeName(type), "/", detail_code)));
  return status;
}

std::optional<QueryErrorInfo> GetQueryError(const absl::Status& status) {
  if (status.ok()) return std::nullopt;
  absl::optional<absl::Cord> payload = status.GetPayload(kQueryErrorPayload);
  if (!payload.has_value()) return std::nullopt;
  std::string text(*payload);
  size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::optional<ErrorType> type = ErrorTypeFromName(std::string_view(text).substr(0, slash));
  if (!type.has_value()) return std::nullopt;
  return QueryErrorInfo{*type, text.substr(slash + 1)};
}

}  // namespace alliance::query

#include "query/lexer.h"

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <utility>

#include "schema/str_cat.h"

namespace alliance::query {
namespace {

struct KeywordEntry {
  std::string_view text;
  Keyword keyword;
  bool reserved;
};

// Sorted by text for binary search. `reserved` follows openCypher's
// ReservedWord rule; COUNT, ANY, NONE, SINGLE, CALL, YIELD, EXPLAIN and PROFILE
// are keywords in some positions but may still name variables.
constexpr KeywordEntry kKeywords[] = {
    {"ADD", Keyword::kAdd, true},
    {"ALL", Keyword::kAll, true},
    {"AND", Keyword::kAnd, true},
    {"ANY", Keyword::kAny, false},
    {"AS", Keyword::kAs, true},
    {"ASC", Keyword::kAsc, true},
    {"ASCENDING", Keyword::kAscending, true},
    {"BY", Keyword::kBy, true},
    {"CALL", Keyword::kCall, false},
    {"CASE", Keyword::kCase, true},
    {"CONSTRAINT", Keyword::kConstraint, true},
    {"CONTAINS", Keyword::kContains, true},
    {"COUNT", Keyword::kCount, false},
    {"CREATE", Keyword::kCreate, true},
    {"DELETE", Keyword::kDelete, true},
    {"DESC", Keyword::kDesc, true},
    {"DESCENDING", Keyword::kDescending, true},
    {"DETACH", Keyword::kDetach, true},
    {"DISTINCT", Keyword::kDistinct, true},
    {"DO", Keyword::kDo, true},
    {"DROP", Keyword::kDrop, true},
    {"ELSE", Keyword::kElse, true},
    {"END", Keyword::kEnd, true},
    {"ENDS", Keyword::kEnds, true},
    {"EXISTS", Keyword::kExists, true},
    {"EXPLAIN", Keyword::kExplain, false},
    {"FALSE", Keyword::kFalse, true},
    {"FOR", Keyword::kFor, true},
    {"IN", Keyword::kIn, true},
    {"IS", Keyword::kIs, true},
    {"LIMIT", Keyword::kLimit, true},
    {"MANDATORY", Keyword::kMandatory, true},
    {"MATCH", Keyword::kMatch, true},
    {"MERGE", Keyword::kMerge, true},
    {"NONE", Keyword::kNone, false},
    {"NOT", Keyword::kNot, true},
    {"NULL", Keyword::kNull, true},
    {"OF", Keyword::kOf, true},
    {"ON", Keyword::kOn, true},
    {"OPTIONAL", Keyword::kOptional, true},
    {"OR", Keyword::kOr, true},
    {"ORDER", Keyword::kOrder, true},
    {"PROFILE", Keyword::kProfile, false},
    {"REMOVE", Keyword::kRemove, true},
    {"REQUIRE", Keyword::kRequire, true},
    {"RETURN", Keyword::kReturn, true},
    {"SCALAR", Keyword::kScalar, true},
    {"SET", Keyword::kSet, true},
    {"SINGLE", Keyword::kSingle, false},
    {"SKIP", Keyword::kSkip, true},
    {"STARTS", Keyword::kStarts, true},
    {"THEN", Keyword::kThen, true},
    {"TRUE", Keyword::kTrue, true},
    {"UNION", Keyword::kUnion, true},
    {"UNIQUE", Keyword::kUnique, true},
    {"UNWIND", Keyword::kUnwind, true},
    {"WHEN", Keyword::kWhen, true},
    {"WHERE", Keyword::kWhere, true},
    {"WITH", Keyword::kWith, true},
    {"XOR", Keyword::kXor, true},
    {"YIELD", Keyword::kYield, false},
};

const KeywordEntry* FindKeyword(std::string_view word) {
  if (word.empty() || word.size() > 10) return nullptr;
  char upper[10];
  for (size_t k = 0; k < word.size(); ++k) {
    char c = word[k];
    upper[k] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string_view key(upper, word.size());
  const KeywordEntry* end = std::end(kKeywords);
  const KeywordEntry* it =
      std::lower_bound(std::begin(kKeywords), end, key,
                       [](const KeywordEntry& e, std::string_view k) { return e.text < k; });
  if (it != end && it->text == key) return it;
  return nullptr;
}

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(unsigned char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when the bytes
// are not well-formed UTF-8 (overlong forms and surrogates included).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, *cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, *cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, *cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i + k) & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// openCypher's whitespace beyond ASCII (no-break space, ideographic space, ...).
bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// The dash and arrowhead look-alikes openCypher accepts in relationship arrows,
// so that a pattern pasted from a word processor still parses.
bool IsUnicodeDash(uint32_t cp) {
  return cp == 0x00AD || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
         cp == 0xFE63 || cp == 0xFF0D;
}
bool IsUnicodeLeftArrowHead(uint32_t cp) {
  return cp == 0x27E8 || cp == 0x3008 || cp == 0xFE64 || cp == 0xFF1C;
}
bool IsUnicodeRightArrowHead(uint32_t cp) {
  return cp == 0x27E9 || cp == 0x3009 || cp == 0xFE65 || cp == 0xFF1E;
}

// Non-ASCII code points that are not whitespace or arrow parts may appear in
// unquoted names, so that `MATCH (사람:회사)` works without back-ticks.
bool IsUnicodeNameChar(uint32_t cp) {
  return cp >= 0x80 && !IsUnicodeSpace(cp) && !IsUnicodeDash(cp) && !IsUnicodeLeftArrowHead(cp) &&
         !IsUnicodeRightArrowHead(cp);
}

// Length of the name character at s[i] (ASCII letter, digit, '_' or a
// non-ASCII name code point), or 0 if there is none.
size_t NameCharLength(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (IsAsciiLetter(c) || IsDigit(c) || c == '_') ? 1 : 0;
  uint32_t cp;
  size_t len = DecodeUtf8(s, i, &cp);
  return (len > 0 && IsUnicodeNameChar(cp)) ? len : 0;
}

std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

std::string_view KeywordText(Keyword keyword) {
  for (const KeywordEntry& e : kKeywords) {
    if (e.keyword == keyword && keyword != Keyword::kNotAKeyword) return e.text;
  }
  return {};
}

Keyword LookupKeyword(std::string_view word) {
  const KeywordEntry* e = FindKeyword(word);
  return e == nullptr ? Keyword::kNotAKeyword : e->keyword;
}

bool IsReservedWord(Keyword keyword) {
  for (const KeywordEntry& e : kKeywords) {
    if (e.keyword == keyword) return e.reserved;
  }
  return false;
}

void Lexer::Advance(size_t bytes) {
  size_t end = std::min(src_.size(), i_ + bytes);
  for (; i_ < end; ++i_) {
    unsigned char c = static_cast<unsigned char>(src_[i_]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col_;
    }
  }
}

Token Lexer::Make(TokenKind kind, SourcePos start) {
  Token t;
  t.kind = kind;
  t.pos = start;
  t.text = src_.substr(start.offset, i_ - start.offset);
  return t;
}

Token Lexer::MakeError(SourcePos start, std::string_view code, std::string message,
                       size_t error_offset) {
  Token t = Make(TokenKind::kError, start);
  t.error_code = code;
  t.value = std::move(message);
  t.error_offset = static_cast<uint32_t>(error_offset);
  return t;
}

Token Lexer::SkipSpace() {
  while (i_ < src_.size()) {
    unsigned char c = static_cast<unsigned char>(src_[i_]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
        (c >= 0x1C && c <= 0x1F)) {
      Advance(1);
    } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '/') {
      size_t nl = src_.find('\n', i_);
      Advance((nl == std::string_view::npos ? src_.size() : nl) - i_);
    } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '*') {
      SourcePos start = Here();
      size_t close = src_.find("*/", i_ + 2);
      if (close == std::string_view::npos) {
        Advance(src_.size() - i_);
        return MakeError(start, "UnexpectedSyntax", "unterminated comment: '/*' without '*/'",
                         start.offset);
      }
      Advance(close + 2 - i_);
    } else if (c >= 0x80) {
      uint32_t cp;
      size_t len = DecodeUtf8(src_, i_, &cp);
      if (len == 0 || !IsUnicodeSpace(cp)) break;
      Advance(len);
    } else {
      break;
    }
  }
  return Token{};
}

Token Lexer::Next() {
  Token space = SkipSpace();
  if (space.kind == TokenKind::kError) return space;
  SourcePos start = Here();
  if (i_ >= src_.size()) return Make(TokenKind::kEnd, start);

  unsigned char c = static_cast<unsigned char>(src_[i_]);
  unsigned char next = i_ + 1 < src_.size() ? static_cast<unsigned char>(src_[i_ + 1]) : 0;
  if (IsDigit(c) || (c == '.' && IsDigit(next))) return LexNumber();
  if (c == '\'' || c == '"') return LexString();
  if (c == '`') return LexQuotedName(start, TokenKind::kQuotedIdentifier);
  if (c == '$') return LexParameter();
  if (IsAsciiLetter(c) || c == '_') return LexWord();

  auto punct = [&](TokenKind kind, size_t len) {
    Advance(len);
    return Make(kind, start);
  };
  switch (c) {
    case '(': return punct(TokenKind::kLParen, 1);
    case ')': return punct(TokenKind::kRParen, 1);
    case '[': return punct(TokenKind::kLBracket, 1);
    case ']': return punct(TokenKind::kRBracket, 1);
    case '{': return punct(TokenKind::kLBrace, 1);
    case '}': return punct(TokenKind::kRBrace, 1);
    case ',': return punct(TokenKind::kComma, 1);
    case ';': return punct(TokenKind::kSemicolon, 1);
    case ':': return punct(TokenKind::kColon, 1);
    case '|': return punct(TokenKind::kPipe, 1);
    case '.': return next == '.' ? punct(TokenKind::kDotDot, 2) : punct(TokenKind::kDot, 1);
    case '=': return next == '~' ? punct(TokenKind::kRegexMatch, 2) : punct(TokenKind::kEq, 1);
    case '<':
      if (next == '>') return punct(TokenKind::kNe, 2);
      if (next == '=') return punct(TokenKind::kLe, 2);
      return punct(TokenKind::kLt, 1);
    case '>': return next == '=' ? punct(TokenKind::kGe, 2) : punct(TokenKind::kGt, 1);
    case '+': return next == '=' ? punct(TokenKind::kPlusEq, 2) : punct(TokenKind::kPlus, 1);
    case '-': return punct(TokenKind::kMinus, 1);
    case '*': return punct(TokenKind::kStar, 1);
    case '/': return punct(TokenKind::kSlash, 1);
    case '%': return punct(TokenKind::kPercent, 1);
    case '^': return punct(TokenKind::kCaret, 1);
    default: break;
  }
  if (c == '!' && next == '=') {
    Advance(2);
    return MakeError(start, "UnexpectedSyntax",
                     "unexpected '!='; Cypher writes 'not equal' as '<>'", start.offset);
  }
  if (c >= 0x80) {
    uint32_t cp;
    size_t len = DecodeUtf8(src_, i_, &cp);
    if (len == 0) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X", c);
      Advance(1);
      return MakeError(start, "UnexpectedSyntax", buf, start.offset);
    }
    if (IsUnicodeDash(cp)) return punct(TokenKind::kMinus, len);
    if (IsUnicodeLeftArrowHead(cp)) return punct(TokenKind::kLt, len);
    if (IsUnicodeRightArrowHead(cp)) return punct(TokenKind::kGt, len);
    return LexWord();
  }
  Advance(1);
  return MakeError(start, "UnexpectedSyntax",
                   StrCat("unexpected character '", Printable(src_.substr(start.offset, 1)), "'"),
                   start.offset);
}

Token Lexer::LexWord() {
  SourcePos start = Here();
  while (size_t len = NameCharLength(src_, i_)) Advance(len);
  Token t = Make(TokenKind::kIdentifier, start);
  t.value = std::string(t.text);
  t.keyword = LookupKeyword(t.text);
  return t;
}

Token Lexer::LexNumber() {
  SourcePos start = Here();
  auto at = [&](size_t k) -> unsigned char {
    return k < src_.size() ? static_cast<unsigned char>(src_[k]) : 0;
  };
  // A number glued to letters (9223372h54775808, 0x1A2j) is one bad literal,
  // not a number followed by a name.
  auto bad_rest = [&](std::string why) {
    while (size_t len = NameCharLength(src_, i_)) Advance(len);
    Token t = MakeError(start, "InvalidNumberLiteral", "", start.offset);
    t.value = StrCat("invalid number literal '", t.text, "'", why);
    return t;
  };

  if (at(i_) == '0' && (at(i_ + 1) == 'x' || at(i_ + 1) == 'X' || at(i_ + 1) == 'o' ||
                        at(i_ + 1) == 'O')) {
    bool hex = at(i_ + 1) == 'x' || at(i_ + 1) == 'X';
    Advance(2);
    size_t digits_start = i_;
    while (hex ? IsHexDigit(at(i_)) : (at(i_) >= '0' && at(i_) <= '7')) Advance(1);
    if (i_ == digits_start) {
      return bad_rest(hex ? ": '0x' needs hexadecimal digits" : ": '0o' needs octal digits");
    }
    if (NameCharLength(src_, i_) > 0) {
      return bad_rest(hex ? ": not a hexadecimal digit" : ": not an octal digit");
    }
    return Make(TokenKind::kInteger, start);
  }

  bool is_float = false;
  while (IsDigit(at(i_))) Advance(1);
  size_t int_digits = i_ - start.offset;
  if (at(i_) == '.' && IsDigit(at(i_ + 1))) {
    is_float = true;
    Advance(1);
    while (IsDigit(at(i_))) Advance(1);
  }
  if ((at(i_) == 'e' || at(i_) == 'E') &&
      (IsDigit(at(i_ + 1)) || ((at(i_ + 1) == '-' || at(i_ + 1) == '+') && IsDigit(at(i_ + 2))))) {
    is_float = true;
    Advance(at(i_ + 1) == '-' || at(i_ + 1) == '+' ? 2 : 1);
    while (IsDigit(at(i_))) Advance(1);
  }
  if (NameCharLength(src_, i_) > 0) return bad_rest("");
  if (!is_float && int_digits > 1 && src_[start.offset] == '0') {
    // Neo4j once read 017 as octal; refusing it avoids silently picking a base.
    Token t = Make(TokenKind::kError, start);
    t.error_code = "InvalidNumberLiteral";
    t.error_offset = start.offset;
    t.value = StrCat("invalid number literal '", t.text,
                     "': leading zeros are not allowed (write octal as 0o17)");
    return t;
  }
  return Make(is_float ? TokenKind::kFloat : TokenKind::kInteger, start);
}

Token Lexer::LexString() {
  SourcePos start = Here();
  const char quote = src_[i_];
  Advance(1);
  std::string value;
  std::string_view error_code;
  std::string error_message;
  size_t error_offset = 0;
  auto fail = [&](std::string_view code, std::string message, size_t offset) {
    if (!error_code.empty()) return;  // keep the first problem
    error_code = code;
    error_message = std::move(message);
    error_offset = offset;
  };

  while (true) {
    if (i_ >= src_.size()) {
      Token t = MakeError(start, "UnexpectedSyntax", "unterminated string literal", start.offset);
      return t;
    }
    char c = src_[i_];
    if (c == quote) {
      Advance(1);
      break;
    }
    if (c != '\\') {
      // Copy a run of plain bytes at once; the input may be large.
      size_t run_end = i_ + 1;
      while (run_end < src_.size() && src_[run_end] != quote && src_[run_end] != '\\') ++run_end;
      value.append(src_.data() + i_, run_end - i_);
      Advance(run_end - i_);
      continue;
    }
    size_t esc_offset = i_;
    if (i_ + 1 >= src_.size()) {
      Advance(1);
      continue;  // reported as unterminated on the next iteration
    }
    char e = src_[i_ + 1];
    switch (e) {
      case '\\': value.push_back('\\'); Advance(2); continue;
      case '\'': value.push_back('\''); Advance(2); continue;
      case '"': value.push_back('"'); Advance(2); continue;
      case 't': case 'T': value.push_back('\t'); Advance(2); continue;
      case 'b': case 'B': value.push_back('\b'); Advance(2); continue;
      case 'n': case 'N': value.push_back('\n'); Advance(2); continue;
      case 'r': case 'R': value.push_back('\r'); Advance(2); continue;
      case 'f': case 'F': value.push_back('\f'); Advance(2); continue;
      default: break;
    }
    if (e == 'u' || e == 'U') {
      // \uXXXX or \UXXXXXXXX; a UTF-16 surrogate pair written as two \u
      // escapes is joined, as Java-based implementations do.
      auto read_hex = [&](size_t at, int digits, uint32_t* cp) {
        if (at + digits > src_.size()) return false;
        uint32_t v = 0;
        for (int k = 0; k < digits; ++k) {
          unsigned char h = static_cast<unsigned char>(src_[at + k]);
          if (!IsHexDigit(h)) return false;
          v = v * 16 + HexValue(h);
        }
        *cp = v;
        return true;
      };
      int digits = e == 'u' ? 4 : 8;
      uint32_t cp;
      if (!read_hex(i_ + 2, digits, &cp)) {
        fail("InvalidUnicodeLiteral",
             e == 'u' ? "invalid Unicode escape: '\\u' needs 4 hexadecimal digits"
                      : "invalid Unicode escape: '\\U' needs 8 hexadecimal digits",
             esc_offset);
        Advance(2);
        continue;
      }
      size_t consumed = 2 + digits;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low;
        size_t at = i_ + consumed;
        if (at + 1 < src_.size() && src_[at] == '\\' && src_[at + 1] == 'u' &&
            read_hex(at + 2, 4, &low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          consumed += 6;
        }
      }
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "invalid Unicode escape: U+%X is not a Unicode scalar value",
                      cp);
        fail("InvalidUnicodeLiteral", buf, esc_offset);
      } else {
        AppendUtf8(value, cp);
      }
      Advance(consumed);
      continue;
    }
    fail("UnexpectedSyntax",
         StrCat("invalid escape sequence '\\", Printable(src_.substr(i_ + 1, 1)),
                "' in string literal"),
         esc_offset);
    Advance(2);
  }
  if (!error_code.empty()) return MakeError(start, error_code, error_message, error_offset);
  Token t = Make(TokenKind::kString, start);
  t.value = std::move(value);
  return t;
}

Token Lexer::LexQuotedName(SourcePos start, TokenKind kind) {
  // `a``b` is the name a`b: a doubled back-tick escapes one.
  std::string value;
  while (i_ < src_.size() && src_[i_] == '`') {
    Advance(1);
    size_t close = src_.find('`', i_);
    if (close == std::string_view::npos) {
      Advance(src_.size() - i_);
      return MakeError(start, "UnexpectedSyntax", "unterminated back-tick quoted name",
                       start.offset);
    }
    value.append(src_.data() + i_, close - i_);
    Advance(close + 1 - i_);
    if (i_ < src_.size() && src_[i_] == '`') value.push_back('`');
  }
  Token t = Make(kind, start);
  t.value = std::move(value);
  return t;
}

Token Lexer::LexParameter() {
  SourcePos start = Here();
  Advance(1);  // '$'
  if (i_ < src_.size() && src_[i_] == '`') {
    Token t = LexQuotedName(start, TokenKind::kParameter);
    return t;
  }
  size_t name_start = i_;
  while (size_t len = NameCharLength(src_, i_)) Advance(len);
  if (i_ == name_start) {
    return MakeError(start, "UnexpectedSyntax", "expected a parameter name after '$'",
                     start.offset);
  }
  Token t = Make(TokenKind::kParameter, start);
  t.value = std::string(src_.substr(name_start, i_ - name_start));
  return t;
}

std::vector<Token> Tokenize(std::string_view source) {
  std::vector<Token> tokens;
  Lexer lexer(source);
  while (true) {
    tokens.push_back(lexer.Next());
    if (tokens.back().kind == TokenKind::kEnd) break;
  }
  return tokens;
}

SourcePos LocateOffset(std::string_view source, size_t offset) {
  offset = std::min(offset, source.size());
  SourcePos pos;
  pos.offset = static_cast<uint32_t>(offset);
  for (size_t k = 0; k < offset; ++k) {
    unsigned char c = static_cast<unsigned char>(source[k]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace alliance::query

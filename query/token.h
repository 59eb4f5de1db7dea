// Token: one lexical unit of a Cypher query (word, literal, parameter or
// punctuation) with the exact source text it came from and where it starts.
#ifndef ALLIANCE_QUERY_TOKEN_H_
#define ALLIANCE_QUERY_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace alliance::query {

// A place in the query text. `line` and `column` are 1-based; `column` counts
// Unicode code points of the line (not bytes), so it matches what an editor
// shows for non-ASCII text such as Korean names.
struct SourcePos {
  uint32_t offset = 0;  // byte offset into the query
  uint32_t line = 1;
  uint32_t column = 1;
};

enum class TokenKind : uint8_t {
  kEnd,               // end of input; `text` is empty
  kError,             // a lexical error, reported only if the parser reaches it
  kIdentifier,        // unquoted word; `keyword` says whether it spells one
  kQuotedIdentifier,  // `back-ticked` name; never a keyword
  kInteger,           // decimal, 0x hex or 0o octal digits, unsigned; the parser converts
  kFloat,             // 1.5, .5, 1e10, 1.5E-3
  kString,            // 'single' or "double" quoted; `value` holds the decoded text
  kParameter,         // $name, $0 or $`quoted`; `value` holds the name
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kDotDot,
  kColon,
  kSemicolon,
  kPipe,
  kEq,          // =
  kNe,          // <>
  kLt,          // <
  kGt,          // >
  kLe,          // <=
  kGe,          // >=
  kRegexMatch,  // =~
  kPlus,
  kPlusEq,  // +=
  kMinus,   // also the Unicode dashes openCypher accepts in arrows
  kStar,
  kSlash,
  kPercent,
  kCaret,
};

// Words with a meaning in the grammar. Keywords are matched case-insensitively,
// and only unquoted words are keywords (`MATCH` in back-ticks is a name).
enum class Keyword : uint8_t {
  kNotAKeyword,
  kAdd,
  kAll,
  kAnd,
  kAny,
  kAs,
  kAsc,
  kAscending,
  kBy,
  kCall,
  kCase,
  kConstraint,
  kContains,
  kCount,
  kCreate,
  kDelete,
  kDesc,
  kDescending,
  kDetach,
  kDistinct,
  kDo,
  kDrop,
  kElse,
  kEnd,
  kEnds,
  kExists,
  kExplain,
  kFalse,
  kFor,
  kIn,
  kIs,
  kLimit,
  kMandatory,
  kMatch,
  kMerge,
  kNone,
  kNot,
  kNull,
  kOf,
  kOn,
  kOptional,
  kOr,
  kOrder,
  kProfile,
  kRemove,
  kRequire,
  kReturn,
  kScalar,
  kSet,
  kSingle,
  kSkip,
  kStarts,
  kThen,
  kTrue,
  kUnion,
  kUnique,
  kUnwind,
  kWhen,
  kWhere,
  kWith,
  kXor,
  kYield,
};

// Upper-case spelling of a keyword ("MATCH"); empty for kNotAKeyword.
std::string_view KeywordText(Keyword keyword);

// Keyword spelled by `word` (any case), or kNotAKeyword.
Keyword LookupKeyword(std::string_view word);

// openCypher's reserved words cannot name variables unless back-ticked; they
// can still be labels, relationship types and property keys.
bool IsReservedWord(Keyword keyword);

struct Token {
  TokenKind kind = TokenKind::kEnd;
  Keyword keyword = Keyword::kNotAKeyword;  // set for unquoted identifiers only
  std::string_view text;                    // exact source text, quotes included
  SourcePos pos;
  // Identifier name, decoded string, parameter name; for kError the message.
  std::string value;
  // kError only: the detail code ("InvalidNumberLiteral", ...) and the byte
  // offset of the offending character, which can lie inside the token.
  std::string_view error_code;
  uint32_t error_offset = 0;

  uint32_t end_offset() const { return pos.offset + static_cast<uint32_t>(text.size()); }
  bool Is(Keyword k) const { return kind == TokenKind::kIdentifier && keyword == k; }
  bool IsName() const {
    return kind == TokenKind::kIdentifier || kind == TokenKind::kQuotedIdentifier;
  }
};

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_TOKEN_H_

// Lexer: splits Cypher query text into tokens; lexical problems become kError
// tokens that the parser reports in context.
//
// A malformed number or an unterminated string does not stop lexing, so the
// parser reports whichever problem comes first in reading order and can pick
// the error class that fits where it stands (the TCK wants UnexpectedSyntax
// for `{1B2c: 1}` but InvalidNumberLiteral for `RETURN 1B2c`).
//
//   std::vector<Token> tokens = Tokenize("MATCH (n:Person) RETURN n.name");
//   // tokens.back().kind == TokenKind::kEnd
#ifndef ALLIANCE_QUERY_LEXER_H_
#define ALLIANCE_QUERY_LEXER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "query/token.h"

namespace alliance::query {

// Whitespace and comments (`// ...`, `/* ... */`) separate tokens and are
// dropped. Tokens keep views into `source`, which must outlive them.
class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  // The next token; kEnd at the end of input and on every call after that.
  Token Next();

 private:
  void Advance(size_t bytes);
  SourcePos Here() const { return SourcePos{static_cast<uint32_t>(i_), line_, col_}; }
  // Skips whitespace and comments; returns an error token for an unterminated
  // block comment, else a token of kind kEnd meaning "nothing to report".
  Token SkipSpace();
  Token Make(TokenKind kind, SourcePos start);
  Token MakeError(SourcePos start, std::string_view code, std::string message, size_t error_offset);
  Token LexNumber();
  Token LexString();
  Token LexQuotedName(SourcePos start, TokenKind kind);
  Token LexWord();
  Token LexParameter();

  std::string_view src_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  uint32_t col_ = 1;
};

// All tokens of `source`, always ending with exactly one kEnd token.
std::vector<Token> Tokenize(std::string_view source);

// Line and column of a byte offset, by the same rules the lexer uses: '\n'
// ends a line and columns count code points. Offsets past the end clamp.
SourcePos LocateOffset(std::string_view source, size_t offset);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_LEXER_H_

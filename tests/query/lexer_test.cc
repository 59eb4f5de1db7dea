// Lexer tests: which tokens Cypher text becomes, what they hold (decoded
// strings, names, parameter names), where they start (line/column counted in
// code points), and which lexical errors become kError tokens with which TCK
// detail code.
#include "query/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alliance::query {
namespace {

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& t : Tokenize(text)) kinds.push_back(t.kind);
  return kinds;
}

// The single token `text` lexes to (plus the kEnd that always follows).
Token Single(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(tokens.size(), 2u) << text;
  EXPECT_EQ(tokens.back().kind, TokenKind::kEnd);
  return tokens.front();
}

using K = TokenKind;

TEST(LexerTest, EmptyInputIsJustEnd) {
  std::vector<Token> tokens = Tokenize("");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, K::kEnd);
  EXPECT_EQ(Tokenize("  \n\t // only a comment").size(), 1u);
}

TEST(LexerTest, EndRepeatsAfterTheLastToken) {
  Lexer lexer("a");
  EXPECT_EQ(lexer.Next().kind, K::kIdentifier);
  EXPECT_EQ(lexer.Next().kind, K::kEnd);
  EXPECT_EQ(lexer.Next().kind, K::kEnd);
}

TEST(LexerTest, KeywordsMatchInAnyCaseAndKeepTheirSpelling) {
  std::vector<Token> tokens = Tokenize("match MATCH MaTcH optional Return");
  ASSERT_EQ(tokens.size(), 6u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(tokens[k].kind, K::kIdentifier);
    EXPECT_EQ(tokens[k].keyword, Keyword::kMatch);
  }
  EXPECT_EQ(tokens[0].text, "match");
  EXPECT_EQ(tokens[2].text, "MaTcH");
  EXPECT_EQ(tokens[3].keyword, Keyword::kOptional);
  EXPECT_EQ(tokens[4].keyword, Keyword::kReturn);
}

TEST(LexerTest, IdentifiersAreCaseSensitiveNames) {
  std::vector<Token> tokens = Tokenize("person Person _x1 a_B2");
  EXPECT_EQ(tokens[0].value, "person");
  EXPECT_EQ(tokens[1].value, "Person");
  EXPECT_EQ(tokens[2].value, "_x1");
  EXPECT_EQ(tokens[3].value, "a_B2");
  for (int k = 0; k < 4; ++k) EXPECT_EQ(tokens[k].keyword, Keyword::kNotAKeyword);
}

TEST(LexerTest, BacktickNamesUnescapeDoubledBackticksAndAreNeverKeywords) {
  Token t = Single("`a``b`");
  EXPECT_EQ(t.kind, K::kQuotedIdentifier);
  EXPECT_EQ(t.value, "a`b");
  EXPECT_EQ(t.text, "`a``b`");

  Token match = Single("`MATCH`");
  EXPECT_EQ(match.kind, K::kQuotedIdentifier);
  EXPECT_EQ(match.keyword, Keyword::kNotAKeyword);
  EXPECT_EQ(match.value, "MATCH");

  EXPECT_EQ(Single("`with space`").value, "with space");
  EXPECT_EQ(Single("``").value, "");
  EXPECT_EQ(Single("````").value, "`");
}

TEST(LexerTest, KoreanNamesWorkInBackticksAndUnquoted) {
  Token quoted = Single("`회사 이름`");
  EXPECT_EQ(quoted.kind, K::kQuotedIdentifier);
  EXPECT_EQ(quoted.value, "회사 이름");

  std::vector<Token> tokens = Tokenize("(사람:회사)");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].kind, K::kIdentifier);
  EXPECT_EQ(tokens[1].value, "사람");
  EXPECT_EQ(tokens[3].value, "회사");
}

TEST(LexerTest, UnterminatedBacktickIsAnError) {
  Token t = Single("`abc");
  EXPECT_EQ(t.kind, K::kError);
  EXPECT_EQ(t.error_code, "UnexpectedSyntax");
}

TEST(LexerTest, IntegerForms) {
  for (std::string_view text : {"0", "7", "42", "9223372036854775808", "0x1F", "0xff", "0o17"}) {
    Token t = Single(text);
    EXPECT_EQ(t.kind, K::kInteger) << text;
    EXPECT_EQ(t.text, text);
  }
}

TEST(LexerTest, FloatForms) {
  for (std::string_view text :
       {"1.5", ".5", "0.0", "1e10", "1E9", "1.5E-3", ".1e-5", "1e+3", "00.5", "123456789e300"}) {
    Token t = Single(text);
    EXPECT_EQ(t.kind, K::kFloat) << text;
    EXPECT_EQ(t.text, text);
  }
}

TEST(LexerTest, RangeDotsAreNotDecimalPoints) {
  EXPECT_EQ(Kinds("1..3"), (std::vector<K>{K::kInteger, K::kDotDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("*..3"), (std::vector<K>{K::kStar, K::kDotDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("x.y"), (std::vector<K>{K::kIdentifier, K::kDot, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, NumbersGluedToLettersAreInvalidNumberLiterals) {
  for (std::string_view text : {"9223372h54775808", "0x", "0x1A2b3j4D5E6f7", "0x1A2b3c4Z5E6f7",
                                "0o8", "0o", "12abc", "1e", "1.5x", "1B2c3e67"}) {
    Token t = Single(text);
    EXPECT_EQ(t.kind, K::kError) << text;
    EXPECT_EQ(t.error_code, "InvalidNumberLiteral") << text;
    EXPECT_EQ(t.text, text) << "the whole run is one bad token";
  }
}

TEST(LexerTest, LeadingZeroIntegersAreRejectedRatherThanGuessedOctal) {
  Token t = Single("017");
  EXPECT_EQ(t.kind, K::kError);
  EXPECT_EQ(t.error_code, "InvalidNumberLiteral");
  EXPECT_NE(t.value.find("0o17"), std::string::npos) << t.value;
}

TEST(LexerTest, StringsInEitherQuoteWithAllEscapes) {
  EXPECT_EQ(Single("'abc'").value, "abc");
  EXPECT_EQ(Single("\"abc\"").value, "abc");
  EXPECT_EQ(Single(R"('\t\b\n\r\f\'\"\\')").value, "\t\b\n\r\f'\"\\");
  EXPECT_EQ(Single(R"('\T\B\N\R\F')").value, "\t\b\n\r\f");
  EXPECT_EQ(Single(R"("it's")").value, "it's");
  EXPECT_EQ(Single(R"('say "hi"')").value, "say \"hi\"");
  EXPECT_EQ(Single("''").value, "");
  EXPECT_EQ(Single("'two\nlines'").value, "two\nlines");
  EXPECT_EQ(Single("'한국어 텍스트'").value, "한국어 텍스트");
}

TEST(LexerTest, UnicodeEscapes) {
  EXPECT_EQ(Single(R"('\u00e9')").value, "é");
  EXPECT_EQ(Single(R"('\uAC00')").value, "가");
  EXPECT_EQ(Single(R"('\U0001F600')").value, "\U0001F600");
  // A UTF-16 surrogate pair written as two escapes is one character.
  EXPECT_EQ(Single(R"('\uD83D\uDE00')").value, "\U0001F600");
}

TEST(LexerTest, BadUnicodeEscapesAreInvalidUnicodeLiterals) {
  for (std::string_view text : {R"('\u12')", R"('\uXYZW')", R"('\uD800')", R"('\uDC00x')",
                                R"('\U00110000')", R"('\U1234')"}) {
    Token t = Single(text);
    EXPECT_EQ(t.kind, K::kError) << text;
    EXPECT_EQ(t.error_code, "InvalidUnicodeLiteral") << text;
    EXPECT_EQ(t.error_offset, 1u) << "points at the backslash: " << text;
  }
}

TEST(LexerTest, UnknownEscapeIsAnErrorAtTheBackslash) {
  Token t = Single(R"('abc\qdef')");
  EXPECT_EQ(t.kind, K::kError);
  EXPECT_EQ(t.error_code, "UnexpectedSyntax");
  EXPECT_EQ(t.error_offset, 4u);
  EXPECT_EQ(t.text, R"('abc\qdef')") << "the whole string is skipped";
}

TEST(LexerTest, UnterminatedStringIsAnError) {
  Token t = Single("'abc");
  EXPECT_EQ(t.kind, K::kError);
  EXPECT_EQ(t.error_code, "UnexpectedSyntax");
  EXPECT_EQ(Single("'abc\\'").kind, K::kError) << "an escaped quote does not close";
}

TEST(LexerTest, CommentsAreSkipped) {
  EXPECT_EQ(Kinds("a // comment ) ( \n b"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("a /* multi\nline */ b"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("a/**/b"), (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Single("'// not a comment'").value, "// not a comment");
  EXPECT_EQ(Kinds("a / b"), (std::vector<K>{K::kIdentifier, K::kSlash, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, UnterminatedBlockCommentIsAnError) {
  std::vector<Token> tokens = Tokenize("a /* never closed");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, K::kError);
  EXPECT_EQ(tokens[1].error_offset, 2u);
}

TEST(LexerTest, Punctuation) {
  EXPECT_EQ(
      Kinds("()[]{},.:;|"),
      (std::vector<K>{K::kLParen, K::kRParen, K::kLBracket, K::kRBracket, K::kLBrace, K::kRBrace,
                      K::kComma, K::kDot, K::kColon, K::kSemicolon, K::kPipe, K::kEnd}));
  EXPECT_EQ(Kinds("= <> < > <= >= =~ + += - * / % ^ .."),
            (std::vector<K>{K::kEq, K::kNe, K::kLt, K::kGt, K::kLe, K::kGe, K::kRegexMatch,
                            K::kPlus, K::kPlusEq, K::kMinus, K::kStar, K::kSlash, K::kPercent,
                            K::kCaret, K::kDotDot, K::kEnd}));
}

TEST(LexerTest, ArrowsAreSeparateTokensSoSpacesAndExpressionsBothWork) {
  // <-- must not become "<-" so that a<-1 still means a < -1.
  EXPECT_EQ(Kinds("<-->"), (std::vector<K>{K::kLt, K::kMinus, K::kMinus, K::kGt, K::kEnd}));
  EXPECT_EQ(Kinds("a<-1"),
            (std::vector<K>{K::kIdentifier, K::kLt, K::kMinus, K::kInteger, K::kEnd}));
}

TEST(LexerTest, UnicodeDashesAndArrowHeadsReadAsArrowParts) {
  EXPECT_EQ(Kinds("—〉"), (std::vector<K>{K::kMinus, K::kGt, K::kEnd}));
  EXPECT_EQ(Kinds("⟨−"), (std::vector<K>{K::kLt, K::kMinus, K::kEnd}));
}

TEST(LexerTest, UnicodeWhitespaceSeparatesTokens) {
  EXPECT_EQ(Kinds("a\u3000b\u00A0c"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, Parameters) {
  Token named = Single("$name");
  EXPECT_EQ(named.kind, K::kParameter);
  EXPECT_EQ(named.value, "name");
  EXPECT_EQ(named.text, "$name");
  EXPECT_EQ(Single("$0").value, "0");
  EXPECT_EQ(Single("$1abc").value, "1abc");
  EXPECT_EQ(Single("$`a b`").value, "a b");
  EXPECT_EQ(Single("$").kind, K::kError);
  EXPECT_EQ(Tokenize("$ x")[0].kind, K::kError);
}

TEST(LexerTest, UnknownCharactersAreErrorsAndLexingGoesOn) {
  std::vector<Token> tokens = Tokenize("9223372#54775808");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, K::kInteger);
  EXPECT_EQ(tokens[1].kind, K::kError);
  EXPECT_EQ(tokens[1].error_code, "UnexpectedSyntax");
  EXPECT_EQ(tokens[1].error_offset, 7u);
  EXPECT_EQ(tokens[2].kind, K::kInteger);

  Token bang = Tokenize("a != b")[1];
  EXPECT_EQ(bang.kind, K::kError);
  EXPECT_NE(bang.value.find("<>"), std::string::npos) << bang.value;
}

TEST(LexerTest, InvalidUtf8IsAnError) {
  std::vector<Token> tokens = Tokenize("a \xFF b");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].kind, K::kError);
  EXPECT_NE(tokens[1].value.find("0xFF"), std::string::npos);
  EXPECT_EQ(Tokenize("\xC3")[0].kind, K::kError) << "truncated sequence";
  EXPECT_EQ(Tokenize("\xC0\x80")[0].kind, K::kError) << "overlong encoding";
}

TEST(LexerTest, PositionsCountLinesAndCodePoints) {
  std::vector<Token> tokens = Tokenize("MATCH (n)\n  WHERE n.이름 = '카이' RETURN n");
  // MATCH ( n ) WHERE n . 이름 = '카이' RETURN n <end>
  ASSERT_EQ(tokens.size(), 13u);
  EXPECT_EQ(tokens[0].pos.line, 1u);
  EXPECT_EQ(tokens[0].pos.column, 1u);
  EXPECT_EQ(tokens[2].pos.column, 8u);
  EXPECT_EQ(tokens[4].text, "WHERE");
  EXPECT_EQ(tokens[4].pos.line, 2u);
  EXPECT_EQ(tokens[4].pos.column, 3u);
  EXPECT_EQ(tokens[4].pos.offset, 12u);
  EXPECT_EQ(tokens[7].value, "이름");
  EXPECT_EQ(tokens[7].pos.column, 11u);
  // After two Hangul syllables (6 bytes) the column moves by 2, not 6.
  EXPECT_EQ(tokens[8].kind, K::kEq);
  EXPECT_EQ(tokens[8].pos.column, 14u);
  EXPECT_EQ(tokens[10].text, "RETURN");
  EXPECT_EQ(tokens[10].pos.column, 21u);
}

TEST(LexerTest, LocateOffsetAgreesWithTokenPositions) {
  const std::string text =
      "// 주석\nMATCH (a:회사)-[:협력 {since: 2020}]->(b)\r\n\tWHERE a.이름 = \"K\"\n/* x\ny */ "
      "RETURN b";
  for (const Token& t : Tokenize(text)) {
    SourcePos located = LocateOffset(text, t.pos.offset);
    EXPECT_EQ(located.line, t.pos.line) << t.text;
    EXPECT_EQ(located.column, t.pos.column) << t.text;
  }
  EXPECT_EQ(LocateOffset(text, 1000000).offset, text.size()) << "offsets past the end clamp";
}

TEST(LexerTest, KeywordTableRoundTrips) {
  for (int k = 1; k <= static_cast<int>(Keyword::kYield); ++k) {
    Keyword keyword = static_cast<Keyword>(k);
    std::string_view text = KeywordText(keyword);
    ASSERT_FALSE(text.empty()) << k;
    EXPECT_EQ(LookupKeyword(text), keyword) << text;
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    EXPECT_EQ(LookupKeyword(lower), keyword) << lower;
  }
  EXPECT_EQ(LookupKeyword("matches"), Keyword::kNotAKeyword);
  EXPECT_EQ(LookupKeyword(""), Keyword::kNotAKeyword);
}

TEST(LexerTest, ReservedWordsFollowOpenCypher) {
  EXPECT_TRUE(IsReservedWord(Keyword::kMatch));
  EXPECT_TRUE(IsReservedWord(Keyword::kEnd));
  EXPECT_TRUE(IsReservedWord(Keyword::kNull));
  EXPECT_FALSE(IsReservedWord(Keyword::kCount)) << "count may name a variable";
  EXPECT_FALSE(IsReservedWord(Keyword::kAny));
  EXPECT_FALSE(IsReservedWord(Keyword::kYield));
  EXPECT_FALSE(IsReservedWord(Keyword::kNotAKeyword));
}

}  // namespace
}  // namespace alliance::query

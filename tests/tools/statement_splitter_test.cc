// StatementSplitter: statements end at ';' only outside strings, quoted names
// and comments; they may span lines, share a line, and be cleared by Ctrl-C.
#include "tools/alliancedb/statement_splitter.h"

#include <gtest/gtest.h>

namespace alliance::tools {
namespace {

using Statements = std::vector<std::string>;

TEST(StatementSplitterTest, EndsAtSemicolonAcrossLines) {
  StatementSplitter s;
  EXPECT_EQ(s.AddLine("MATCH (o:Organisation)"), Statements{});
  EXPECT_TRUE(s.pending());
  EXPECT_EQ(s.AddLine("RETURN o.name;"), Statements{"MATCH (o:Organisation)\nRETURN o.name"});
  EXPECT_FALSE(s.pending());
}

TEST(StatementSplitterTest, SeveralOnOneLineAndEmptyOnesDropped) {
  StatementSplitter s;
  EXPECT_EQ(s.AddLine("RETURN 1; ;; RETURN 2;RETURN"), (Statements{"RETURN 1", "RETURN 2"}));
  EXPECT_TRUE(s.pending());
  EXPECT_EQ(s.AddLine(" 3;"), Statements{"RETURN\n 3"});
}

TEST(StatementSplitterTest, SemicolonsInsideStringsNamesAndCommentsDoNotEnd) {
  StatementSplitter s;
  EXPECT_EQ(s.AddLine("RETURN 'a;b' AS `x;y`, \"c\\\";d\" // e;f"), Statements{});
  EXPECT_TRUE(s.pending());
  EXPECT_EQ(s.AddLine("/* g; */ ;"),
            Statements{"RETURN 'a;b' AS `x;y`, \"c\\\";d\" // e;f\n/* g; */"});
  // A string left open continues on the next line.
  EXPECT_EQ(s.AddLine("RETURN 'open;"), Statements{});
  EXPECT_TRUE(s.pending());
  EXPECT_EQ(s.AddLine("still';"), Statements{"RETURN 'open;\nstill'"});
}

TEST(StatementSplitterTest, ClearForgetsTheUnfinishedStatement) {
  StatementSplitter s;
  s.AddLine("MATCH (n) WHERE n.name = 'unterminated");
  ASSERT_TRUE(s.pending());
  s.Clear();
  EXPECT_FALSE(s.pending());
  EXPECT_EQ(s.AddLine("RETURN 1;"), Statements{"RETURN 1"});
}

TEST(StatementSplitterTest, BlankLinesAreNotAStatement) {
  StatementSplitter s;
  EXPECT_EQ(s.AddLine("   "), Statements{});
  EXPECT_FALSE(s.pending());
}

}  // namespace
}  // namespace alliance::tools

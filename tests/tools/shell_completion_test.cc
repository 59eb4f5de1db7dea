// ShellCompletion: what Tab offers depends on where the cursor is — labels and
// types after ':', properties after 'var.', procedures with dots, keywords in
// upper case whatever the case typed, and ':' commands at the line start.
#include "tools/alliancedb/shell_completion.h"

#include <gtest/gtest.h>

namespace alliance::tools {
namespace {

using Words = std::vector<std::string>;

ShellCompletion Completion() {
  return ShellCompletion({.labels = {"Organisation", "Consortium", "Model"},
                          .relationship_types = {"MEMBER_OF", "MAKES"},
                          .properties = {"name", "name_ko", "kind"},
                          .procedures = {"algo.pageRank", "algo.pageRank.write", "db.labels"},
                          .commands = {":help", ":param", ":params", ":quit"}});
}

// Completes the last word of `line` as the line editor would split it.
Words Complete(const std::string& line) {
  const size_t start = line.find_last_of(ShellCompletion::WordBreakCharacters());
  return Completion().Complete(line, start == std::string::npos ? 0 : start + 1, line.size());
}

TEST(ShellCompletionTest, LabelsAndTypesAfterColon) {
  EXPECT_EQ(Complete("MATCH (o:Or"), Words{"Organisation"});
  EXPECT_EQ(Complete("MATCH (o)-[:M"), (Words{"MAKES", "MEMBER_OF", "Model"}));
}

TEST(ShellCompletionTest, PropertiesAfterVariableDot) {
  EXPECT_EQ(Complete("RETURN o.na"), (Words{"o.name", "o.name_ko"}));
  EXPECT_EQ(Complete("RETURN org.k"), Words{"org.kind"});
}

TEST(ShellCompletionTest, ProceduresWithDots) {
  EXPECT_EQ(Complete("CALL algo.pa"), (Words{"algo.pageRank", "algo.pageRank.write"}));
  EXPECT_EQ(Complete("CALL db.l"), Words{"db.labels"});
}

TEST(ShellCompletionTest, KeywordsIgnoreCase) {
  EXPECT_EQ(Complete("mat"), Words{"MATCH"});
  EXPECT_EQ(Complete("MATCH (n) RETURN n ORD"), Words{"ORDER"});
  EXPECT_EQ(Complete("MATCH (n) whe"), (Words{"WHEN", "WHERE"}));
}

TEST(ShellCompletionTest, CommandsAtTheStartOfALine) {
  EXPECT_EQ(Complete(":par"), (Words{"param", "params"}));
  EXPECT_EQ(Complete(":q"), Words{"quit"});
  EXPECT_EQ(Complete("zzz"), Words{});
}

}  // namespace
}  // namespace alliance::tools

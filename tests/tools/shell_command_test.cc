// alliancedb shell: piped statements (several per line, over several lines),
// the ':' commands, error recovery and exit codes; and, through a
// pseudo-terminal, completion, Ctrl-C and history (shell_pty_check.py).
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/tools/cli_runner.h"

namespace alliance {
namespace {

using testing::CliResult;
using testing::CliRunner;

TEST(ShellCommandTest, PipedStatementsRunInOrder) {
  CliRunner cli;
  CliResult r = cli.RunWithInput("shell --format csv",
                                 "MATCH (c:Consortium)\n"
                                 "RETURN c.name ORDER BY c.name LIMIT 2; RETURN 1 AS one;\n"
                                 "\n"
                                 ":quit\n"
                                 "RETURN 'after quit';\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "c.name\nK-AI Alliance\nKT Consortium\none\n1\n");
}

TEST(ShellCommandTest, CommandsSetParametersFormatAndTiming) {
  CliRunner cli;
  CliResult r = cli.RunWithInput("shell",
                                 ":param org => 'KA' + 'IST'\n"
                                 ":params\n"
                                 ":format jsonl\n"
                                 "MATCH (:Organisation {name: $org})-[:MEMBER_OF]->(c)\n"
                                 "RETURN count(c) AS n;\n"
                                 ":mode markdown\n"
                                 ":timing on\n"
                                 "RETURN '고려대학교' AS name;\n"
                                 ":param org\n"
                                 ":params\n"
                                 ":help\n"
                                 ":schema\n"
                                 ":explain MATCH (o:Organisation) RETURN o\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("$org => 'KAIST'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"n\":3}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| name       |\n|------------|\n| 고려대학교 |"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("time: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no parameters"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":report NAME"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("label Organisation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Organisation"), std::string::npos) << r.out;
}

TEST(ShellCommandTest, ErrorsAreReportedAndTheSessionGoesOn) {
  CliRunner cli;
  CliResult r = cli.RunWithInput("shell --format csv",
                                 "MATCH (n:Nope RETURN n;\n"
                                 ":bogus\n"
                                 ":timing maybe\n"
                                 ":param x => 1 +\n"
                                 ":report nothing\n"
                                 "RETURN 'still here' AS s;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("line 1, column 15"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown command :bogus"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":timing expects on or off"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":param x:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":report:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("still here"), std::string::npos) << r.out;
}

TEST(ShellCommandTest, InputEndingInsideAStatementFails) {
  CliRunner cli;
  CliResult r = cli.RunWithInput("shell", "RETURN 1\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing ';'"), std::string::npos) << r.err;
  EXPECT_EQ(cli.RunWithInput("shell --format yaml", "").exit_code, 1);
}

TEST(ShellCommandTest, ReportsRunInsideTheShell) {
  CliRunner cli;
  CliResult r = cli.RunWithInput("shell", ":report consortium \"NC AI Consortium\" --format md\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("## NC AI Consortium"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| Naver Cloud Consortium |      2 | KAIST, Korea University |"),
            std::string::npos)
      << r.out;
}

TEST(ShellCommandTest, TerminalSessionCompletesCancelsAndKeepsHistory) {
  CliRunner cli;
  const std::string cmd = std::string("/usr/bin/python3 '") + SHELL_PTY_CHECK + "' '" +
                          ALLIANCEDB_BINARY + "' '" + cli.Path("home") + "' '" +
                          ALLIANCE_TEST_DATA_DIR + "' '" + cli.Path("history") + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

}  // namespace
}  // namespace alliance

// Tests for the Gherkin feature-file parser: outline expansion, Background, docstring dedent,
// table unescaping, tags and @ignore, error reporting, and that the whole DEV TCK subset parses
// into exactly the case counts DEV_SET.tsv records.

#include "tests/tck/gherkin.h"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#ifndef ALLIANCE_SHARED_DIR
#define ALLIANCE_SHARED_DIR "/work/shared"
#endif

namespace alliance::tck {
namespace {

Feature MustParse(const std::string& text) {
  absl::StatusOr<Feature> feature = ParseFeatureText(text, "test.feature");
  EXPECT_TRUE(feature.ok()) << feature.status();
  return feature.ok() ? *std::move(feature) : Feature{};
}

std::string ParseError(const std::string& text) {
  absl::StatusOr<Feature> feature = ParseFeatureText(text, "test.feature");
  EXPECT_FALSE(feature.ok());
  return feature.ok() ? "" : std::string(feature.status().message());
}

TEST(GherkinTest, PlainScenarioKeepsKeywordsTextAndLines) {
  Feature f = MustParse(
      "Feature: F1 - Demo\n"
      "\n"
      "  Scenario: [1] Plain\n"
      "    Given an empty graph\n"
      "    When executing query:\n"
      "      \"\"\"\n"
      "      RETURN 1 AS x\n"
      "      \"\"\"\n"
      "    Then the result should be, in any order:\n"
      "      | x |\n"
      "      | 1 |\n"
      "    And no side effects\n"
      "    But the result should be empty\n");
  EXPECT_EQ(f.name, "F1 - Demo");
  EXPECT_EQ(f.path, "test.feature");
  EXPECT_EQ(f.scenario_definitions, 1);
  ASSERT_EQ(f.scenarios.size(), 1u);
  const Scenario& s = f.scenarios[0];
  EXPECT_EQ(s.name, "[1] Plain");
  EXPECT_EQ(s.line, 3);
  EXPECT_EQ(s.example_index, -1);
  EXPECT_FALSE(s.ignored);
  ASSERT_EQ(s.steps.size(), 5u);
  EXPECT_EQ(s.steps[0].keyword, "Given");
  EXPECT_EQ(s.steps[0].text, "an empty graph");
  EXPECT_EQ(s.steps[0].line, 4);
  EXPECT_FALSE(s.steps[0].docstring.has_value());
  EXPECT_FALSE(s.steps[0].table.has_value());
  EXPECT_EQ(s.steps[1].keyword, "When");
  EXPECT_EQ(s.steps[1].docstring, "RETURN 1 AS x");
  EXPECT_EQ(s.steps[2].keyword, "Then");
  EXPECT_EQ(s.steps[2].table, (GherkinTable{{"x"}, {"1"}}));
  EXPECT_EQ(s.steps[3].keyword, "And");
  EXPECT_EQ(s.steps[4].keyword, "But");
}

TEST(GherkinTest, OutlineExpandsEachExamplesRowSubstitutingNameStepsDocstringsAndCells) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario Outline: [2] Outline #Example: <exampleName>\n"
      "    Given parameters are:\n"
      "      | p | <value> |\n"
      "    When executing query:\n"
      "      \"\"\"\n"
      "      RETURN <expr> AS r\n"
      "      \"\"\"\n"
      "    Then the result should be <how>:\n"
      "      | r        |\n"
      "      | <result> |\n"
      "\n"
      "    Examples:\n"
      "      | exampleName | value | expr | result | how  |\n"
      "      | one         | 1     | 1+0  | 1      | fine |\n"
      "      | two         | 2     | 1+1  | 2      | ok   |\n"
      "    Examples:\n"
      "      | exampleName | value | expr | result | how  |\n"
      "      | three       | 3     | 2+1  | 3      | good |\n");
  EXPECT_EQ(f.scenario_definitions, 1);
  ASSERT_EQ(f.scenarios.size(), 3u);
  const Scenario& second = f.scenarios[1];
  EXPECT_EQ(second.name, "[2] Outline #Example: two");
  EXPECT_EQ(second.line, 2);
  EXPECT_EQ(second.example_index, 1);
  EXPECT_EQ(second.example_line, 16);
  EXPECT_EQ(second.steps[0].table, (GherkinTable{{"p", "2"}}));
  EXPECT_EQ(second.steps[1].docstring, "RETURN 1+1 AS r");
  EXPECT_EQ(second.steps[2].text, "the result should be ok:");
  EXPECT_EQ(second.steps[2].table, (GherkinTable{{"r"}, {"2"}}));
  // The index runs across Examples blocks so every expanded case has a distinct id.
  EXPECT_EQ(f.scenarios[2].name, "[2] Outline #Example: three");
  EXPECT_EQ(f.scenarios[2].example_index, 2);
  EXPECT_EQ(f.scenarios[2].example_line, 19);
}

TEST(GherkinTest, ScenarioTemplateIsAnOutlineAndExampleIsAScenario) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario Template: t <n>\n"
      "    Given step <n>\n"
      "    Scenarios:\n"
      "      | n |\n"
      "      | 7 |\n"
      "  Example: plain\n"
      "    Given x\n");
  ASSERT_EQ(f.scenarios.size(), 2u);
  EXPECT_EQ(f.scenarios[0].name, "t 7");
  EXPECT_EQ(f.scenarios[0].steps[0].text, "step 7");
  EXPECT_EQ(f.scenarios[1].name, "plain");
  EXPECT_EQ(f.scenario_definitions, 2);
}

TEST(GherkinTest, SubstitutionIsSinglePassAndLeavesUnknownPlaceholders) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario Outline: s\n"
      "    Given <a> and <b> and <unknown> and a < b\n"
      "    Examples:\n"
      "      | a   | b |\n"
      "      | <b> | x |\n");
  ASSERT_EQ(f.scenarios.size(), 1u);
  EXPECT_EQ(f.scenarios[0].steps[0].text, "<b> and x and <unknown> and a < b");
}

TEST(GherkinTest, HeaderOnlyOrMissingExamplesYieldNoCases) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario Outline: header only\n"
      "    Given <a>\n"
      "    Examples:\n"
      "      | a |\n"
      "  Scenario Outline: no examples\n"
      "    Given <a>\n"
      "  Scenario: plain\n"
      "    Given x\n");
  EXPECT_EQ(f.scenario_definitions, 3);
  ASSERT_EQ(f.scenarios.size(), 1u);
  EXPECT_EQ(f.scenarios[0].name, "plain");
}

TEST(GherkinTest, BackgroundStepsArePrependedToEveryScenarioIncludingOutlineRows) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Background:\n"
      "    Given an empty graph\n"
      "    And having executed:\n"
      "      \"\"\"\n"
      "      CREATE (:A)\n"
      "      \"\"\"\n"
      "\n"
      "  Scenario: one\n"
      "    When executing query:\n"
      "      \"\"\"\n"
      "      MATCH (n) RETURN n\n"
      "      \"\"\"\n"
      "  Scenario Outline: two\n"
      "    When <q>\n"
      "    Examples:\n"
      "      | q |\n"
      "      | a |\n"
      "      | b |\n");
  ASSERT_EQ(f.scenarios.size(), 3u);
  for (const Scenario& s : f.scenarios) {
    ASSERT_EQ(s.steps.size(), 3u) << s.name;
    EXPECT_EQ(s.steps[0].text, "an empty graph");
    EXPECT_EQ(s.steps[1].docstring, "CREATE (:A)");
    EXPECT_EQ(s.steps[1].line, 4);
  }
  EXPECT_EQ(f.scenarios[0].steps[2].docstring, "MATCH (n) RETURN n");
  EXPECT_EQ(f.scenarios[2].steps[2].text, "b");
}

TEST(GherkinTest, BackgroundAfterAScenarioIsRejected) {
  std::string message = ParseError(
      "Feature: F\n"
      "  Scenario: s\n"
      "    Given x\n"
      "  Background:\n"
      "    Given y\n");
  EXPECT_NE(message.find("test.feature:4:"), std::string::npos) << message;
}

TEST(GherkinTest, DocstringLosesOnlyTheOpeningDelimitersIndentation) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario: s\n"
      "    When executing query:\n"
      "      \"\"\"cypher\n"
      "      MATCH (n)\n"
      "        WHERE n.x = 1\n"
      "\n"
      "    RETURN n\n"
      "      // \\\"\\\"\\\" stays a literal delimiter\n"
      "      \"\"\"\n"
      "    Then ok\n");
  ASSERT_EQ(f.scenarios.size(), 1u);
  EXPECT_EQ(f.scenarios[0].steps[0].docstring,
            "MATCH (n)\n"
            "  WHERE n.x = 1\n"
            "\n"
            "RETURN n\n"
            "// \"\"\" stays a literal delimiter");
  EXPECT_EQ(f.scenarios[0].steps[1].text, "ok");
}

TEST(GherkinTest, DocstringKeepsHashAndPipeLinesVerbatim) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario: s\n"
      "    When executing query:\n"
      "      ```\n"
      "      # not a comment\n"
      "      | not a table |\n"
      "      ```\n");
  EXPECT_EQ(f.scenarios[0].steps[0].docstring, "# not a comment\n| not a table |");
}

TEST(GherkinTest, TableCellsAreTrimmedAndUnescaped) {
  Feature f = MustParse(
      "Feature: F\n"
      "  Scenario: s\n"
      "    Then the result should be, in any order:\n"
      "      | a\\|b   |  'x\\\\y'  | 'Foo\\nFoo' | \\t | '' |\n"
      "      | 1 | 2 | 3 | 4 | 5 |\n");
  ASSERT_EQ(f.scenarios.size(), 1u);
  const GherkinTable& t = *f.scenarios[0].steps[0].table;
  ASSERT_EQ(t.size(), 2u);
  ASSERT_EQ(t[0].size(), 5u);
  EXPECT_EQ(t[0][0], "a|b");         // `\|` does not split the cell.
  EXPECT_EQ(t[0][1], "'x\\y'");      // `\\` becomes one backslash.
  EXPECT_EQ(t[0][2], "'Foo\nFoo'");  // `\n` becomes a real newline.
  EXPECT_EQ(t[0][3], "\\t");         // Other escapes are left alone.
  EXPECT_EQ(t[0][4], "''");
}

TEST(GherkinTest, UnescapeTableCellHandlesEachEscapeOnce) {
  EXPECT_EQ(UnescapeTableCell("\\\\n"), "\\n");  // `\\` first, then a plain `n`.
  EXPECT_EQ(UnescapeTableCell("a\\|b\\nc\\\\"), "a|b\nc\\");
  EXPECT_EQ(UnescapeTableCell("trailing\\"), "trailing\\");
}

TEST(GherkinTest, TagsInheritFromFeatureScenarioAndExamples) {
  Feature f = MustParse(
      "@featureTag\n"
      "Feature: F\n"
      "  @skipGrammarCheck @dup # a comment after tags\n"
      "  Scenario Outline: o <n>\n"
      "    Given x\n"
      "    @rowsA @dup\n"
      "    Examples:\n"
      "      | n |\n"
      "      | 1 |\n"
      "    @ignore\n"
      "    Examples:\n"
      "      | n |\n"
      "      | 2 |\n"
      "  Scenario: plain\n"
      "    Given y\n");
  EXPECT_EQ(f.tags, std::vector<std::string>{"@featureTag"});
  ASSERT_EQ(f.scenarios.size(), 3u);
  EXPECT_EQ(f.scenarios[0].tags,
            (std::vector<std::string>{"@featureTag", "@skipGrammarCheck", "@dup", "@rowsA"}));
  EXPECT_FALSE(f.scenarios[0].ignored);
  EXPECT_TRUE(f.scenarios[1].ignored);  // @ignore on an Examples block covers only its rows.
  EXPECT_EQ(f.scenarios[2].tags, std::vector<std::string>{"@featureTag"});
  EXPECT_FALSE(f.scenarios[2].ignored);
}

TEST(GherkinTest, IgnoreOnScenarioOrFeatureMarksScenariosIgnored) {
  Feature f = MustParse(
      "Feature: F\n"
      "  # This scenario does not work.\n"
      "  @ignore @skipStyleCheck\n"
      "  Scenario: [2] skipped\n"
      "    Given x\n"
      "  Scenario: [3] kept\n"
      "    Given x\n");
  ASSERT_EQ(f.scenarios.size(), 2u);
  EXPECT_TRUE(f.scenarios[0].ignored);
  EXPECT_FALSE(f.scenarios[1].ignored);

  Feature all = MustParse(
      "@ignore\n"
      "Feature: F\n"
      "  Scenario: a\n"
      "    Given x\n");
  ASSERT_EQ(all.scenarios.size(), 1u);
  EXPECT_TRUE(all.scenarios[0].ignored);
}

TEST(GherkinTest, CommentsBlankLinesAndDescriptionsAreSkipped) {
  Feature f = MustParse(
      "\xEF\xBB\xBF#encoding: utf-8\r\n"
      "# licence header\r\n"
      "\r\n"
      "Feature: F\r\n"
      "  Free description text.\r\n"
      "#  Scenario: [15] commented out\r\n"
      "#    Given any graph\r\n"
      "  Scenario: [16] real # hash in a name is not a comment\r\n"
      "    # comment between steps\r\n"
      "    Given any graph\r\n"
      "\r\n"
      "    Then ok\r\n");
  ASSERT_EQ(f.scenarios.size(), 1u);
  EXPECT_EQ(f.scenarios[0].name, "[16] real # hash in a name is not a comment");
  ASSERT_EQ(f.scenarios[0].steps.size(), 2u);
  EXPECT_EQ(f.scenarios[0].steps[0].text, "any graph");  // No trailing '\r' from CRLF.
  EXPECT_EQ(f.scenarios[0].steps[1].line, 12);
}

TEST(GherkinTest, MalformedFilesAreRejectedWithFileAndLine) {
  EXPECT_NE(ParseError("  Scenario: s\n    Given x\n").find("test.feature:1:"), std::string::npos);
  EXPECT_NE(ParseError("# only comments\n").find("Feature"), std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Scenario: s\n    Given x\n      \"\"\"\n      open\n")
                .find("test.feature:4:"),
            std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Scenario: s\n    Given x\n      | a | b |\n      | 1 |\n")
                .find("test.feature:5:"),
            std::string::npos);
  EXPECT_NE(
      ParseError("Feature: F\n  Scenario: s\n    Given x\n      | a | b\n").find("test.feature:4:"),
      std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Scenario: s\n    Given x\n    Examples:\n      | a |\n")
                .find("test.feature:4:"),
            std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Given x\n").find("test.feature:2:"), std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Scenario: s\n    Given x\n    stray text\n")
                .find("test.feature:4:"),
            std::string::npos);
  EXPECT_NE(
      ParseError("Feature: F\n  Scenario: s\n    @tag\n    Given x\n").find("test.feature:4:"),
      std::string::npos);
  EXPECT_NE(ParseError("Feature: F\n  Scenario: s\n  | a |\n").find("test.feature:3:"),
            std::string::npos);
}

TEST(GherkinTest, MissingFileIsNotFound) {
  absl::StatusOr<Feature> f = ParseFeatureFile("/nonexistent/dir/x.feature");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kNotFound);
}

// DEV_SET.tsv rows, keyed by path relative to features/, plus the TOTAL row.
struct DevSetCounts {
  std::map<std::string, std::pair<int, int>> per_file;  // path -> (scenarios, expanded_cases)
  int total_scenarios = -1;
  int total_expanded = -1;
};

DevSetCounts ReadDevSet(const std::string& tsv_path) {
  DevSetCounts out;
  std::ifstream in(tsv_path);
  EXPECT_TRUE(in.good()) << tsv_path;
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& s) {
    std::vector<std::string> cells;
    std::stringstream ss(s);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    return cells;
  };
  auto column = [&header](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    ADD_FAILURE() << "DEV_SET.tsv has no column " << name;
    return 0;
  };
  if (!std::getline(in, line)) return out;
  header = split(line);
  int path_col = column("path");
  int scenarios_col = column("scenarios");
  int expanded_col = column("expanded_cases");
  const std::string prefix = "tck/features/";
  while (std::getline(in, line)) {
    std::vector<std::string> cells = split(line);
    if (cells.size() < header.size()) continue;
    int scenarios = std::stoi(cells[scenarios_col]);
    int expanded = std::stoi(cells[expanded_col]);
    std::string path = cells[path_col];
    if (path == "TOTAL") {
      out.total_scenarios = scenarios;
      out.total_expanded = expanded;
    } else {
      if (path.rfind(prefix, 0) == 0) path = path.substr(prefix.size());
      out.per_file[path] = {scenarios, expanded};
    }
  }
  return out;
}

TEST(GherkinTest, WholeDevSubsetParsesToTheCountsInDevSetTsv) {
  const std::string root = std::string(ALLIANCE_SHARED_DIR) + "/tck";
  const std::string features_dir = root + "/features";
  DevSetCounts expected = ReadDevSet(root + "/DEV_SET.tsv");
  ASSERT_GT(expected.total_expanded, 0);

  absl::StatusOr<std::vector<std::string>> files = FindFeatureFiles(features_dir);
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_EQ(files->size(), expected.per_file.size());

  int definitions = 0;
  int expanded = 0;
  int ignored = 0;
  for (const std::string& path : *files) {
    absl::StatusOr<Feature> feature = ParseFeatureFile(path);
    ASSERT_TRUE(feature.ok()) << feature.status();
    EXPECT_FALSE(feature->name.empty()) << path;
    definitions += feature->scenario_definitions;
    expanded += static_cast<int>(feature->scenarios.size());
    for (const Scenario& s : feature->scenarios) {
      ignored += s.ignored ? 1 : 0;
      EXPECT_FALSE(s.steps.empty()) << path << ":" << s.line;
      // Upstream's `#Example: <exampleName>` names must come out filled in.
      EXPECT_EQ(s.name.find("<exampleName>"), std::string::npos) << path << ":" << s.line;
    }
    std::string relative = path.substr(features_dir.size() + 1);
    auto it = expected.per_file.find(relative);
    ASSERT_NE(it, expected.per_file.end()) << relative << " is not listed in DEV_SET.tsv";
    EXPECT_EQ(feature->scenario_definitions, it->second.first) << relative;
    EXPECT_EQ(static_cast<int>(feature->scenarios.size()), it->second.second) << relative;
  }
  EXPECT_EQ(definitions, expected.total_scenarios);
  EXPECT_EQ(expanded, expected.total_expanded);
  EXPECT_EQ(ignored, 1);  // Graph5 [2], the only @ignore in the DEV subset.
  std::cout << "[ info ] " << files->size() << " feature files, " << definitions
            << " scenario definitions, " << expanded << " expanded cases, " << ignored
            << " ignored\n";
}

}  // namespace
}  // namespace alliance::tck

// Gherkin feature-file parser for the openCypher TCK harness: turns a .feature file into
// scenarios with Background steps prepended and Scenario Outlines expanded one per Examples row.
#ifndef ALLIANCE_TESTS_TCK_GHERKIN_H_
#define ALLIANCE_TESTS_TCK_GHERKIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace alliance::tck {

// A data table: rows of cells, already Gherkin-unescaped (`\\`, `\|`, `\n`) and trimmed. The
// first row is whatever the file has first; tables have no built-in notion of a header.
using GherkinTable = std::vector<std::vector<std::string>>;

struct Step {
  std::string keyword;  // "Given", "When", "Then", "And", "But" or "*", as written.
  std::string text;     // After the keyword, trimmed; outline values substituted.
  int line = 0;         // 1-based line of the step itself.
  std::optional<std::string> docstring;  // Opening `"""` indentation removed; no final newline.
  std::optional<GherkinTable> table;
};

struct Scenario {
  // Outline names get `<placeholders>` substituted, so upstream's `... #Example: <exampleName>`
  // convention yields a distinct, readable name per row.
  std::string name;
  int line = 0;  // Line of the `Scenario:` / `Scenario Outline:` keyword.
  // Feature tags, then scenario tags, then (for outlines) the Examples block's tags, with the
  // leading '@'; duplicates are kept once.
  std::vector<std::string> tags;
  std::vector<Step> steps;  // Background steps first.
  bool ignored = false;     // `@ignore` anywhere in `tags`.
  // For expanded outlines: 0-based index of the row over all Examples blocks of the outline and
  // the row's own line. -1 / 0 for plain scenarios.
  int example_index = -1;
  int example_line = 0;
};

struct Feature {
  std::string name;
  std::string path;
  std::vector<std::string> tags;
  std::vector<Scenario> scenarios;  // Expanded: one entry per runnable case.
  int scenario_definitions = 0;     // `Scenario:` plus `Scenario Outline:` keywords in the file.
};

absl::StatusOr<Feature> ParseFeatureFile(const std::string& path);

// `path` is only recorded and used in error messages.
absl::StatusOr<Feature> ParseFeatureText(std::string_view text, const std::string& path);

// All `*.feature` files under `dir`, recursively, sorted so runs are reproducible.
absl::StatusOr<std::vector<std::string>> FindFeatureFiles(const std::string& dir);

// Applies Gherkin table-cell unescaping: `\\` -> `\`, `\|` -> `|`, `\n` -> newline; any other
// backslash stays as written. Exposed so tests and callers building tables by hand agree.
std::string UnescapeTableCell(std::string_view cell);

}  // namespace alliance::tck

#endif  // ALLIANCE_TESTS_TCK_GHERKIN_H_

// Expected results, parameters and side effects of openCypher TCK scenarios, parsed from Gherkin
// step tables, and comparators that explain a mismatch in a readable message.
#ifndef ALLIANCE_TESTS_TCK_TCK_RESULT_H_
#define ALLIANCE_TESTS_TCK_TCK_RESULT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/tck_value.h"

namespace alliance::tck {

struct ExpectedTable {
  std::vector<std::string> columns;
  std::vector<std::vector<TckValue>> rows;
};

// First row = column names (kept verbatim: they must equal the query's column text); every later
// row is parsed cell by cell with ParseTckValue. A header-only table means zero rows.
absl::StatusOr<ExpectedTable> ParseExpectedTable(const GherkinTable& table);

// `parameters are:` tables: two columns, no header, `name | value`.
absl::StatusOr<std::vector<std::pair<std::string, TckValue>>> ParseParameters(
    const GherkinTable& table);

enum class Ordering { kAnyOrder, kInOrder };

// OK when the actual result matches: same column names in the same order, and the same rows as
// a sequence (kInOrder) or as a multiset (kAnyOrder). With `ignore_list_order` both sides are
// canonicalised first, so lists at any depth compare as multisets. Otherwise FailedPrecondition
// whose message names the discrepancy (columns, row width, row count, first differing row, or
// the rows missing/unexpected for kAnyOrder) followed by both tables. Parse functions in this
// file report malformed tables as InvalidArgument.
absl::Status CompareResults(const ExpectedTable& expected,
                            const std::vector<std::string>& actual_columns,
                            const std::vector<std::vector<TckValue>>& actual_rows,
                            Ordering ordering, bool ignore_list_order);

struct SideEffects {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t properties_set = 0;
  int64_t properties_removed = 0;

  friend bool operator==(const SideEffects&, const SideEffects&) = default;
};

// `the side effects should be:` tables: `+nodes | 1`, `-properties | 2`, ... with keys
// `[+-](nodes|relationships|labels|properties)`; a key that is not listed is 0. Unknown or
// repeated keys and non-integer counts are errors. `no side effects` is SideEffects{}.
absl::StatusOr<SideEffects> ParseSideEffects(const GherkinTable& table);

// OK when equal; otherwise lists every counter that differs as `+nodes: expected 1, got 2`.
absl::Status CompareSideEffects(const SideEffects& expected, const SideEffects& actual);

// `{+nodes: 1, -properties: 2}`, listing only the non-zero counters.
std::string ToString(const SideEffects& effects);

}  // namespace alliance::tck

#endif  // ALLIANCE_TESTS_TCK_TCK_RESULT_H_

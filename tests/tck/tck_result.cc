#include "tests/tck/tck_result.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::tck {
namespace {

using Row = std::vector<TckValue>;

// Mismatch messages show at most this many rows per list so a huge result stays readable.
constexpr size_t kMaxRowsShown = 20;

int CompareRows(const Row& a, const Row& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = Compare(a[i], b[i]); c != 0) return c;
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

std::string FormatRow(const Row& row) {
  std::string out = "|";
  for (const TckValue& v : row) StrAppend(&out, " ", ToString(v), " |");
  return out;
}

std::string FormatColumns(const std::vector<std::string>& columns) {
  std::string out = "|";
  for (const std::string& c : columns) StrAppend(&out, " ", c, " |");
  return out;
}

void AppendRows(std::string* out, std::string_view title, const std::vector<Row>& rows) {
  StrAppend(out, "\n", title, " (", rows.size(), " rows):");
  for (size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i) {
    StrAppend(out, "\n  ", FormatRow(rows[i]));
  }
  if (rows.size() > kMaxRowsShown) StrAppend(out, "\n  ... ", rows.size() - kMaxRowsShown, " more");
}

std::string BothTables(const std::vector<std::string>& columns, const std::vector<Row>& expected,
                       const std::vector<Row>& actual) {
  std::string out = StrCat("\ncolumns: ", FormatColumns(columns));
  AppendRows(&out, "expected", expected);
  AppendRows(&out, "actual", actual);
  return out;
}

std::vector<Row> MaybeCanonical(const std::vector<Row>& rows, bool canonicalize) {
  std::vector<Row> out = rows;
  if (canonicalize) {
    for (Row& row : out) {
      for (TckValue& v : row) Canonicalize(v);
    }
  }
  return out;
}

absl::StatusOr<int64_t> ParseCount(std::string_view text) {
  int64_t n = -1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || n < 0) {
    return absl::InvalidArgumentError(
        StrCat("side-effect count `", text, "` is not a non-negative integer"));
  }
  return n;
}

struct SideEffectKey {
  const char* name;
  int64_t SideEffects::*field;
};

constexpr SideEffectKey kSideEffectKeys[] = {
    {"+nodes", &SideEffects::nodes_created},
    {"-nodes", &SideEffects::nodes_deleted},
    {"+relationships", &SideEffects::relationships_created},
    {"-relationships", &SideEffects::relationships_deleted},
    {"+labels", &SideEffects::labels_added},
    {"-labels", &SideEffects::labels_removed},
    {"+properties", &SideEffects::properties_set},
    {"-properties", &SideEffects::properties_removed},
};

}  // namespace

absl::StatusOr<ExpectedTable> ParseExpectedTable(const GherkinTable& table) {
  if (table.empty()) return absl::InvalidArgumentError("result table has no header row");
  ExpectedTable out;
  out.columns = table.front();
  for (size_t r = 1; r < table.size(); ++r) {
    if (table[r].size() != out.columns.size()) {
      return absl::InvalidArgumentError(StrCat("result table row ", r, " has ", table[r].size(),
                                               " cells for ", out.columns.size(), " columns"));
    }
    Row row;
    for (const std::string& cell : table[r]) {
      absl::StatusOr<TckValue> value = ParseTckValue(cell);
      if (!value.ok()) {
        return absl::InvalidArgumentError(
            StrCat("result table row ", r, ": ", value.status().message()));
      }
      row.push_back(*std::move(value));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

absl::StatusOr<std::vector<std::pair<std::string, TckValue>>> ParseParameters(
    const GherkinTable& table) {
  std::vector<std::pair<std::string, TckValue>> out;
  for (const std::vector<std::string>& row : table) {
    if (row.size() != 2) {
      return absl::InvalidArgumentError(
          StrCat("parameter table rows need 2 cells (name | value), got ", row.size()));
    }
    for (const auto& [name, value] : out) {
      if (name == row[0]) return absl::InvalidArgumentError(StrCat("parameter `", name, "` twice"));
    }
    absl::StatusOr<TckValue> value = ParseTckValue(row[1]);
    if (!value.ok()) {
      return absl::InvalidArgumentError(
          StrCat("parameter `", row[0], "`: ", value.status().message()));
    }
    out.emplace_back(row[0], *std::move(value));
  }
  return out;
}

absl::Status CompareResults(const ExpectedTable& expected,
                            const std::vector<std::string>& actual_columns,
                            const std::vector<std::vector<TckValue>>& actual_rows,
                            Ordering ordering, bool ignore_list_order) {
  if (expected.columns != actual_columns) {
    return absl::FailedPreconditionError(
        StrCat("result columns differ\nexpected: ", FormatColumns(expected.columns),
               "\nactual:   ", FormatColumns(actual_columns)));
  }
  for (size_t r = 0; r < actual_rows.size(); ++r) {
    if (actual_rows[r].size() != actual_columns.size()) {
      return absl::FailedPreconditionError(StrCat("actual row ", r, " has ", actual_rows[r].size(),
                                                  " values for ", actual_columns.size(),
                                                  " columns"));
    }
  }
  std::vector<Row> want = MaybeCanonical(expected.rows, ignore_list_order);
  std::vector<Row> got = MaybeCanonical(actual_rows, ignore_list_order);
  std::string_view mode = ordering == Ordering::kInOrder ? "in order" : "in any order";

  if (ordering == Ordering::kInOrder) {
    if (want.size() != got.size()) {
      return absl::FailedPreconditionError(StrCat("expected ", want.size(), " rows (", mode,
                                                  "), got ", got.size(),
                                                  BothTables(expected.columns, want, got)));
    }
    for (size_t r = 0; r < want.size(); ++r) {
      if (CompareRows(want[r], got[r]) != 0) {
        return absl::FailedPreconditionError(
            StrCat("row ", r, " differs (", mode, ")\nexpected: ", FormatRow(want[r]),
                   "\nactual:   ", FormatRow(got[r]), BothTables(expected.columns, want, got)));
      }
    }
    return absl::OkStatus();
  }

  // Multiset comparison: sort both sides and walk them together.
  auto less = [](const Row& a, const Row& b) { return CompareRows(a, b) < 0; };
  std::vector<Row> want_sorted = want;
  std::vector<Row> got_sorted = got;
  std::sort(want_sorted.begin(), want_sorted.end(), less);
  std::sort(got_sorted.begin(), got_sorted.end(), less);
  std::vector<Row> missing;
  std::vector<Row> unexpected;
  size_t i = 0, j = 0;
  while (i < want_sorted.size() || j < got_sorted.size()) {
    int c = i == want_sorted.size()  ? 1
            : j == got_sorted.size() ? -1
                                     : CompareRows(want_sorted[i], got_sorted[j]);
    if (c == 0) {
      ++i, ++j;
    } else if (c < 0) {
      missing.push_back(want_sorted[i++]);
    } else {
      unexpected.push_back(got_sorted[j++]);
    }
  }
  if (missing.empty() && unexpected.empty()) return absl::OkStatus();
  std::string message =
      StrCat("rows differ (", mode, "): expected ", want.size(), " rows, got ", got.size());
  if (!missing.empty()) AppendRows(&message, "expected but missing", missing);
  if (!unexpected.empty()) AppendRows(&message, "present but not expected", unexpected);
  StrAppend(&message, BothTables(expected.columns, want, got));
  return absl::FailedPreconditionError(message);
}

absl::StatusOr<SideEffects> ParseSideEffects(const GherkinTable& table) {
  SideEffects out;
  std::vector<std::string> seen;
  for (const std::vector<std::string>& row : table) {
    if (row.size() != 2) {
      return absl::InvalidArgumentError(
          StrCat("side-effect rows need 2 cells (key | count), got ", row.size()));
    }
    const SideEffectKey* key = nullptr;
    for (const SideEffectKey& k : kSideEffectKeys) {
      if (row[0] == k.name) key = &k;
    }
    if (key == nullptr) {
      return absl::InvalidArgumentError(StrCat("unknown side-effect key `", row[0], "`"));
    }
    if (std::find(seen.begin(), seen.end(), row[0]) != seen.end()) {
      return absl::InvalidArgumentError(StrCat("side-effect key `", row[0], "` twice"));
    }
    seen.push_back(row[0]);
    ASSIGN_OR_RETURN(out.*(key->field), ParseCount(row[1]));
  }
  return out;
}

absl::Status CompareSideEffects(const SideEffects& expected, const SideEffects& actual) {
  if (expected == actual) return absl::OkStatus();
  std::string message = "side effects differ:";
  for (const SideEffectKey& k : kSideEffectKeys) {
    if (expected.*(k.field) != actual.*(k.field)) {
      StrAppend(&message, " ", k.name, ": expected ", expected.*(k.field), ", got ",
                actual.*(k.field), ";");
    }
  }
  message.pop_back();
  StrAppend(&message, " (expected ", ToString(expected), ", got ", ToString(actual), ")");
  return absl::FailedPreconditionError(message);
}

std::string ToString(const SideEffects& effects) {
  std::string out = "{";
  for (const SideEffectKey& k : kSideEffectKeys) {
    if (effects.*(k.field) == 0) continue;
    if (out.size() > 1) out += ", ";
    StrAppend(&out, k.name, ": ", effects.*(k.field));
  }
  return out + "}";
}

}  // namespace alliance::tck

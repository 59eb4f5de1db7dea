// Tables: a plain HTML <table>, numeric columns right-aligned.
#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "html/html_escape.h"
#include "html/section_renderers.h"

namespace alliance::tools::html {
namespace {

// Whether every non-empty cell of `column` reads as a number (and one does).
bool IsNumericColumn(const Table& table, size_t column) {
  bool any = false;
  for (const auto& row : table.rows) {
    if (column >= row.size() || row[column].empty()) continue;
    double ignored;
    if (!absl::SimpleAtod(row[column], &ignored)) return false;
    any = true;
  }
  return any;
}

}  // namespace

void RenderTable(const Table& table, std::string* out) {
  size_t columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  std::vector<bool> numeric(columns);
  for (size_t c = 0; c < columns; ++c) numeric[c] = IsNumericColumn(table, c);
  auto cell = [&](const char* tag, size_t c, const std::string& text) {
    absl::StrAppend(out, "<", tag, numeric[c] ? " class=\"num\">" : ">", EscapeHtml(text), "</",
                    tag, ">");
  };

  absl::StrAppend(out, "<div class=\"table-wrap\"><table class=\"data\">\n");
  if (!table.header.empty()) {
    absl::StrAppend(out, "<thead><tr>");
    for (size_t c = 0; c < columns; ++c) {
      cell("th", c, c < table.header.size() ? table.header[c] : std::string());
    }
    absl::StrAppend(out, "</tr></thead>\n");
  }
  absl::StrAppend(out, "<tbody>\n");
  for (const auto& row : table.rows) {
    absl::StrAppend(out, "<tr>");
    for (size_t c = 0; c < columns; ++c) cell("td", c, c < row.size() ? row[c] : std::string());
    absl::StrAppend(out, "</tr>\n");
  }
  if (table.rows.empty()) {
    absl::StrAppend(out, "<tr><td class=\"empty-note\" colspan=\"", std::max<size_t>(columns, 1),
                    "\">no rows</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></div>\n");
}

}  // namespace alliance::tools::html

// TablePrinter: prints rows as an aligned text table (box-drawn, ASCII or
// Markdown), measuring cells by their display width (Korean and other East
// Asian wide characters take two columns), cutting long cells with an ellipsis
// and summarising tables too long to read ("… 1,234,527 more rows").
#ifndef ALLIANCE_TOOLS_TABLE_PRINTER_H_
#define ALLIANCE_TOOLS_TABLE_PRINTER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::tools {

// Terminal columns `text` occupies (East Asian wide characters count 2).
size_t DisplayWidth(std::string_view text);

// 1234567 -> "1,234,567".
std::string GroupThousands(uint64_t n);

enum class TableStyle {
  kBox,       // ┌─┬─┐ frames, as DuckDB's and SQLite's box mode
  kMarkdown,  // | a | b | with a |---| rule; cells escape '|'
};

struct TableLayout {
  TableStyle style = TableStyle::kBox;
  size_t max_cell_width = 60;
  // Above this many rows, the first and last max_rows/2 are shown around a
  // "… N more rows" line; 0 shows every row.
  size_t max_rows = 0;
};

class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  size_t row_count() const { return rows_.size(); }
  // Columns whose cells are right-aligned (numbers).
  void AlignRight(size_t column);
  void Print(std::ostream& out, const TableLayout& layout = {}) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_TABLE_PRINTER_H_

// TablePrinter: prints rows as an aligned text table, measuring cells by their
// display width (Korean and other wide characters take two columns).
#ifndef ALLIANCE_TOOLS_TABLE_PRINTER_H_
#define ALLIANCE_TOOLS_TABLE_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::tools {

// Terminal columns `text` occupies (East Asian wide characters count 2).
size_t DisplayWidth(std::string_view text);

class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  size_t row_count() const { return rows_.size(); }
  // Cells wider than `max_cell_width` are cut with an ellipsis.
  void Print(std::ostream& out, size_t max_cell_width = 60) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_TABLE_PRINTER_H_

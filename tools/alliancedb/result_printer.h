// Prints a query result as a table (box-drawn, wide-character aware), Markdown,
// CSV, JSON (one array) or JSON Lines (one object per row).
#ifndef ALLIANCE_TOOLS_RESULT_PRINTER_H_
#define ALLIANCE_TOOLS_RESULT_PRINTER_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "alliance/query_result.h"

namespace alliance::tools {

enum class OutputFormat { kTable, kMarkdown, kCsv, kJson, kJsonLines };

// "table" (or "box"), "markdown" (or "md"), "csv", "json", "jsonl".
absl::Status ParseOutputFormat(const std::string& text, OutputFormat* format);
// Tables longer than `max_table_rows` (0: no limit) show their head and tail.
void PrintResult(const QueryResult& result, OutputFormat format, std::ostream& out,
                 size_t max_table_rows = 0);
// Text of one value in a table or CSV cell: strings as they are, the rest as
// Cypher literals.
std::string CellText(const Value& v);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_RESULT_PRINTER_H_

// Prints a query result as a table (aligned, wide-character aware), CSV,
// JSON (one array) or JSON Lines (one object per row).
#ifndef ALLIANCE_TOOLS_RESULT_PRINTER_H_
#define ALLIANCE_TOOLS_RESULT_PRINTER_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "alliance/query_result.h"

namespace alliance::tools {

enum class OutputFormat { kTable, kCsv, kJson, kJsonLines };

absl::Status ParseOutputFormat(const std::string& text, OutputFormat* format);
void PrintResult(const QueryResult& result, OutputFormat format, std::ostream& out);
// Text of one value in a table or CSV cell: strings as they are, the rest as
// Cypher literals.
std::string CellText(const Value& v);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_RESULT_PRINTER_H_

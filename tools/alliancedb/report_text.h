// Prints a report's content for a terminal or a file: tables box-drawn or as
// Markdown, the heatmap as a matrix, or everything as one JSON document.
// Pictures other than the heatmap (bar charts, network drawings) exist only
// in the HTML page.
#ifndef ALLIANCE_TOOLS_REPORT_TEXT_H_
#define ALLIANCE_TOOLS_REPORT_TEXT_H_

#include <ostream>
#include <string>

#include "html/report_model.h"

namespace alliance::tools {

enum class ReportTextFormat { kTable, kMarkdown, kJson };

void PrintReport(const html::HtmlReport& report, ReportTextFormat format, std::ostream& out);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_REPORT_TEXT_H_

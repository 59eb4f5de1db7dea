// The renderers behind RenderHtmlReport, one per section kind, each in its own
// file (<kind>_section.cc). Each appends the section's body (without the
// heading, which the page adds) to `out`; `id` is unique on the page and
// prefixes any SVG ids the section defines.
#ifndef ALLIANCE_TOOLS_HTML_SECTION_RENDERERS_H_
#define ALLIANCE_TOOLS_HTML_SECTION_RENDERERS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "html/report_model.h"

namespace alliance::tools::html {

void RenderParagraph(const Paragraph& paragraph, std::string* out);
void RenderTable(const Table& table, std::string* out);
absl::Status RenderHeatmap(const Heatmap& heatmap, const std::string& id, std::string* out);
void RenderBarChart(const BarChart& chart, std::string* out);
absl::Status RenderNetwork(const NetworkDrawing& drawing, std::string* out);

// A short note in place of a picture with nothing to show.
void RenderEmptyNote(std::string_view what, std::string* out);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_SECTION_RENDERERS_H_

// Renders a report (report_model.h) as one self-contained HTML page: inline
// CSS, one inline SVG per picture, a few lines of inline script, no external
// resources, every text HTML-escaped.
//
//   absl::Status s = html::WriteHtmlReport(report, "overlap.html");
//
// The page records script errors in <html data-script-errors> and sets
// <html data-ok="1"> once its scripts ran, so a headless browser can check it.
// Thread-safe: network layouts are serialised (Graphviz keeps global state).
#ifndef ALLIANCE_TOOLS_HTML_HTML_REPORT_H_
#define ALLIANCE_TOOLS_HTML_HTML_REPORT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "html/report_model.h"

namespace alliance::tools::html {

// The page, or InvalidArgument for malformed sections (a heatmap that is not
// C x C, an edge naming an unknown node, duplicate node ids) and Internal when
// Graphviz fails; the message names the section. Deterministic: the same
// report gives the same bytes.
absl::StatusOr<std::string> RenderHtmlReport(const HtmlReport& report);

// Renders and writes the page to `path` through a temporary file in the same
// directory renamed into place, so a failure leaves no half-written file.
absl::Status WriteHtmlReport(const HtmlReport& report, const std::string& path);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_HTML_REPORT_H_

// The page around the sections: head, styles, navigation and the two scripts
// (an error recorder first, the hover highlight and the data-ok marker last).
#include "html/html_report.h"

#include <iterator>
#include <type_traits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "html/atomic_file.h"
#include "html/html_escape.h"
#include "html/section_renderers.h"

namespace alliance::tools::html {
namespace {

// Korean text needs a CJK face; the list covers Linux, Windows and macOS.
constexpr char kStyle[] = R"css(
body{margin:0;padding:24px 32px;color:#222;background:#fff;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR","Noto Sans KR",
  "Malgun Gothic","Apple SD Gothic Neo",sans-serif}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
.subtitle{color:#555;margin:0 0 12px}
nav ol{margin:8px 0;padding-left:20px;color:#555}
nav a{color:#2a5d9f;text-decoration:none}
section{margin:28px 0}
.table-wrap{overflow-x:auto}
table.data{border-collapse:collapse}
table.data th,table.data td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
table.data th{background:#f1f4f8}
table.data tbody tr:nth-child(even){background:#fafbfc}
table.data .num{text-align:right;font-variant-numeric:tabular-nums}
svg{display:block;max-width:100%;height:auto;font-family:inherit;font-size:12px}
.heat-cell{stroke:#fff;stroke-width:1}
.heat-value{pointer-events:none;font-variant-numeric:tabular-nums}
.bar-value{font-variant-numeric:tabular-nums}
.axis-label{fill:#555}
.edge{stroke:#8a8a8a;stroke-opacity:.55;stroke-width:1}
.node-mark{stroke:#fff;stroke-width:1.2}
.node-mark.k-consortium{stroke:#111;stroke-width:3}
.node-mark.k-model{stroke:#333;stroke-dasharray:3 2}
.node-mark.k-hardware{stroke:#333;stroke-dasharray:1 2}
.node-label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.node-label.k-consortium{font-weight:600}
svg.network.focus .edge{stroke-opacity:.08}
svg.network.focus .edge.hl{stroke:#000;stroke-opacity:.9;stroke-width:2}
.node-mark.hl{stroke:#000;stroke-width:3}
.legend{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:4px 18px}
.legend .swatch{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;
  vertical-align:-1px;box-sizing:border-box;border:1px solid #999}
.legend .swatch.k-consortium{border:3px solid #111}
.legend .swatch.k-model{border:2px dashed #333}
.legend .swatch.k-hardware{border:2px dotted #333}
.note,.empty-note{color:#666;font-style:italic}
footer{color:#888;font-size:12px;margin-top:40px}
)css";

// First in <head>: any later script error is kept where a headless browser's
// DOM dump shows it.
constexpr char kErrorRecorder[] = R"js(
window.onerror=function(message,source,line){var h=document.documentElement;
h.setAttribute('data-script-errors',(h.getAttribute('data-script-errors')||'')+message+' (line '+line+')\n');};
)js";

// Last in <body>: hovering a node highlights its edges; data-ok says the
// scripts ran to the end.
constexpr char kFinalScript[] = R"js(
document.querySelectorAll('svg.network').forEach(function(svg){
  var edges=svg.querySelectorAll('.edge');
  svg.querySelectorAll('.node-mark').forEach(function(mark){
    var i=mark.getAttribute('data-i');
    mark.addEventListener('mouseenter',function(){
      svg.classList.add('focus');mark.classList.add('hl');
      edges.forEach(function(e){
        if(e.getAttribute('data-a')===i||e.getAttribute('data-b')===i)e.classList.add('hl');});});
    mark.addEventListener('mouseleave',function(){
      svg.classList.remove('focus');
      svg.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl');});});
  });
});
document.documentElement.setAttribute('data-ok','1');
)js";

const std::string& CaptionOf(const Section& section) {
  return std::visit([](const auto& s) -> const std::string& { return s.caption; }, section);
}

const char* KindOf(const Section& section) {
  static constexpr const char* kKinds[] = {"paragraph", "table", "heatmap", "bar-chart", "network"};
  static_assert(std::size(kKinds) == std::variant_size_v<Section>);
  return kKinds[section.index()];
}

absl::Status RenderSection(const Section& section, const std::string& id, std::string* out) {
  return std::visit(
      [&](const auto& s) -> absl::Status {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, Paragraph>) {
          RenderParagraph(s, out);
        } else if constexpr (std::is_same_v<T, Table>) {
          RenderTable(s, out);
        } else if constexpr (std::is_same_v<T, Heatmap>) {
          return RenderHeatmap(s, id, out);
        } else if constexpr (std::is_same_v<T, BarChart>) {
          RenderBarChart(s, out);
        } else {
          static_assert(std::is_same_v<T, NetworkDrawing>);
          return RenderNetwork(s, out);
        }
        return absl::OkStatus();
      },
      section);
}

}  // namespace

absl::StatusOr<std::string> RenderHtmlReport(const HtmlReport& report) {
  std::string page;
  absl::StrAppend(&page,
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>",
                  EscapeHtml(report.title), "</title>\n<script>", kErrorRecorder,
                  "</script>\n<style>", kStyle, "</style>\n</head>\n<body>\n<header>\n<h1>",
                  EscapeHtml(report.title), "</h1>\n");
  if (!report.subtitle.empty()) {
    absl::StrAppend(&page, "<p class=\"subtitle\">", EscapeHtml(report.subtitle), "</p>\n");
  }
  size_t captioned = 0;
  for (const Section& s : report.sections) captioned += CaptionOf(s).empty() ? 0 : 1;
  if (captioned > 1) {
    absl::StrAppend(&page, "<nav><ol>\n");
    for (size_t i = 0; i < report.sections.size(); ++i) {
      const std::string& caption = CaptionOf(report.sections[i]);
      if (caption.empty()) continue;
      absl::StrAppend(&page, "<li><a href=\"#s", i + 1, "\">", EscapeHtml(caption), "</a></li>\n");
    }
    absl::StrAppend(&page, "</ol></nav>\n");
  }
  absl::StrAppend(&page, "</header>\n<main>\n");
  for (size_t i = 0; i < report.sections.size(); ++i) {
    const Section& section = report.sections[i];
    const std::string id = absl::StrCat("s", i + 1);
    absl::StrAppend(&page, "<section id=\"", id, "\" class=\"", KindOf(section), "\">\n");
    if (!CaptionOf(section).empty()) {
      absl::StrAppend(&page, "<h2>", EscapeHtml(CaptionOf(section)), "</h2>\n");
    }
    if (absl::Status s = RenderSection(section, id, &page); !s.ok()) return s;
    absl::StrAppend(&page, "</section>\n");
  }
  absl::StrAppend(&page, "</main>\n<footer>Generated by alliancedb.</footer>\n<script>",
                  kFinalScript, "</script>\n</body>\n</html>\n");
  return page;
}

absl::Status WriteHtmlReport(const HtmlReport& report, const std::string& path) {
  absl::StatusOr<std::string> page = RenderHtmlReport(report);
  if (!page.ok()) return page.status();
  return WriteFileAtomically(path, *page);
}

}  // namespace alliance::tools::html

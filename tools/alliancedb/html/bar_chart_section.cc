// Bar charts: horizontal SVG bars, largest first, each with its label on the
// left and its value at the bar's end.
#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "html/colours.h"
#include "html/html_escape.h"
#include "html/number_format.h"
#include "html/section_renderers.h"
#include "html/text_width.h"

namespace alliance::tools::html {
namespace {

constexpr double kBarHeight = 18;
constexpr double kRowHeight = 24;
constexpr double kMaxBar = 480;

}  // namespace

void RenderBarChart(const BarChart& chart, std::string* out) {
  if (chart.items.empty()) {
    RenderEmptyNote("the chart has no values", out);
    return;
  }
  std::vector<BarChart::Item> items = chart.items;
  // NaN sorts last (a plain > would break the ordering); stable: equal values
  // keep the caller's order, so the output is reproducible.
  auto key = [](double v) { return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v; };
  std::stable_sort(items.begin(), items.end(),
                   [&](const auto& a, const auto& b) { return key(a.value) > key(b.value); });
  if (chart.top_n > 0 && items.size() > chart.top_n) {
    absl::StrAppend(out, "<p class=\"note\">The ", chart.top_n, " largest of ", chart.items.size(),
                    ".</p>\n");
    items.resize(chart.top_n);
  }

  double largest = 0, widest_label = 0, widest_value = 0;
  for (const auto& item : items) {
    largest = std::max(largest, item.value);
    widest_label = std::max(widest_label, EstimateTextWidth(item.label, kFontPx));
    widest_value = std::max(widest_value, EstimateTextWidth(FormatNumber(item.value), kFontPx));
  }
  const double left = widest_label + 16;
  const double top = chart.series_label.empty() ? 6 : 26;
  const double width = left + kMaxBar + widest_value + 20;
  const double height = top + kRowHeight * static_cast<double>(items.size()) + 6;

  absl::StrAppend(
      out, absl::StrFormat("<svg class=\"bar-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                           "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                           "aria-label=\"%s\">\n",
                           width, height, width, height, EscapeHtml(chart.caption)));
  if (!chart.series_label.empty()) {
    absl::StrAppend(out, absl::StrFormat("<text class=\"axis-label\" x=\"%.1f\" y=\"16\">%s "
                                         "\u2192</text>\n",
                                         left, EscapeHtml(chart.series_label)));
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const double y = top + kRowHeight * static_cast<double>(i);
    const double length = largest > 0 ? std::max(0.0, item.value) / largest * kMaxBar : 0;
    const std::string label = EscapeHtml(item.label);
    const std::string value = FormatNumber(item.value);
    absl::StrAppend(
        out, absl::StrFormat(
                 "<text class=\"bar-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
                 "dominant-baseline=\"middle\">%s</text>"
                 "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                 "fill=\"%s\"><title>%s: %s</title></rect>"
                 "<text class=\"bar-value\" x=\"%.1f\" y=\"%.1f\" dominant-baseline=\"middle\">%s"
                 "</text>\n",
                 left - 8, y + kBarHeight / 2, label, left, y, length, kBarHeight, GroupColour(0),
                 label, value, left + length + 6, y + kBarHeight / 2, value));
  }
  absl::StrAppend(out, "</svg>\n");
}

}  // namespace alliance::tools::html

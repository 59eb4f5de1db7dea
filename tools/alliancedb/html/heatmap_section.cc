// Heatmaps: one SVG <rect class="heat-cell"> per matrix cell, its value
// printed on it, row labels on the left, column labels slanted above, and a
// colour legend below.
#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "html/colours.h"
#include "html/html_escape.h"
#include "html/number_format.h"
#include "html/section_renderers.h"
#include "html/text_width.h"

namespace alliance::tools::html {
namespace {

constexpr double kMinCell = 48;
constexpr double kSlant = 0.7071;  // column labels are turned 45 degrees

absl::Status CheckSquare(const Heatmap& heatmap, const std::vector<std::vector<double>>& matrix,
                         absl::string_view name) {
  const size_t c = heatmap.labels.size();
  bool square = matrix.size() == c;
  for (const auto& row : matrix) square = square && row.size() == c;
  if (square) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("heatmap '", heatmap.caption, "': ", name,
                                                 " must be ", c, " x ", c, " for ", c, " labels"));
}

}  // namespace

absl::Status RenderHeatmap(const Heatmap& heatmap, const std::string& id, std::string* out) {
  if (absl::Status s = CheckSquare(heatmap, heatmap.values, "values"); !s.ok()) return s;
  const bool has_secondary = !heatmap.secondary.empty();
  if (has_secondary) {
    if (absl::Status s = CheckSquare(heatmap, heatmap.secondary, "secondary"); !s.ok()) return s;
  }
  const size_t c = heatmap.labels.size();
  if (c == 0) {
    RenderEmptyNote("the heatmap has no rows", out);
    return absl::OkStatus();
  }

  // The scale spans zero (or the least value) to the largest off the diagonal.
  double lo = 0, hi = -std::numeric_limits<double>::infinity();
  double widest_value = 0, widest_label = 0;
  for (size_t i = 0; i < c; ++i) {
    widest_label = std::max(widest_label, EstimateTextWidth(heatmap.labels[i], kFontPx));
    for (size_t j = 0; j < c; ++j) {
      const double v = heatmap.values[i][j];
      widest_value = std::max(widest_value, EstimateTextWidth(FormatNumber(v), kFontPx));
      if (i == j || std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  auto scale = [&](double v) { return hi > lo ? (v - lo) / (hi - lo) : 0.0; };

  const double cell = std::max(kMinCell, widest_value + 12);
  const double left = widest_label + 16;
  const double top = widest_label * kSlant + kFontPx + 10;
  const double grid = cell * static_cast<double>(c);
  const double legend_y = top + grid + 16;
  const double legend_width = std::min(220.0, std::max(grid, 120.0));
  const std::string legend_text =
      absl::StrCat(heatmap.value_name, " (diagonal in grey: outside the scale)");
  const double width =
      std::max(left + grid + std::max(0.0, widest_label * kSlant - cell / 2),
               left + legend_width + 10 + EstimateTextWidth(legend_text, kFontPx)) +
      16;
  const double height = legend_y + 40;

  absl::StrAppend(
      out, absl::StrFormat("<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" "
                           "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                           "aria-label=\"%s\">\n",
                           width, height, width, height, EscapeHtml(heatmap.caption)));
  for (size_t i = 0; i < c; ++i) {
    const std::string label = EscapeHtml(heatmap.labels[i]);
    const double middle = (static_cast<double>(i) + 0.5) * cell;
    absl::StrAppend(out, absl::StrFormat("<text class=\"heat-label\" x=\"%.1f\" y=\"%.1f\" "
                                         "text-anchor=\"end\" dominant-baseline=\"middle\">%s"
                                         "</text>\n",
                                         left - 8, top + middle, label));
    absl::StrAppend(out, absl::StrFormat("<text class=\"heat-label\" transform=\"translate(%.1f "
                                         "%.1f) rotate(-45)\">%s</text>\n",
                                         left + middle, top - 6, label));
  }
  for (size_t i = 0; i < c; ++i) {
    for (size_t j = 0; j < c; ++j) {
      const double v = heatmap.values[i][j];
      const bool diagonal = i == j;
      const double t = scale(v);
      std::string tooltip = absl::StrCat(heatmap.labels[i], " \u00d7 ", heatmap.labels[j], ": ",
                                         FormatNumber(v), " ", heatmap.value_name);
      if (has_secondary) {
        absl::StrAppend(&tooltip, "; ", heatmap.secondary_name, " ",
                        absl::StrFormat("%.3f", heatmap.secondary[i][j]));
      }
      const double x = left + static_cast<double>(j) * cell;
      const double y = top + static_cast<double>(i) * cell;
      absl::StrAppend(
          out,
          absl::StrFormat("<rect class=\"heat-cell%s\" data-row=\"%d\" data-col=\"%d\" "
                          "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                          "fill=\"%s\"><title>%s</title></rect>",
                          diagonal ? " diagonal" : "", i, j, x, y, cell, cell,
                          diagonal ? kNeutralColour : SequentialColour(t), EscapeHtml(tooltip)));
      absl::StrAppend(
          out, absl::StrFormat("<text class=\"heat-value\" x=\"%.1f\" y=\"%.1f\" "
                               "text-anchor=\"middle\" dominant-baseline=\"middle\" "
                               "fill=\"%s\">%s</text>\n",
                               x + cell / 2, y + cell / 2,
                               !diagonal && WantsLightText(t) ? "#fff" : "#222", FormatNumber(v)));
    }
  }

  // The legend: the scale as a gradient from its low to its high end.
  const std::string gradient = absl::StrCat(id, "-scale");
  absl::StrAppend(out, "<defs><linearGradient id=\"", gradient, "\">");
  for (int k = 0; k <= 8; ++k) {
    absl::StrAppend(out, absl::StrFormat("<stop offset=\"%d%%\" stop-color=\"%s\"/>", k * 100 / 8,
                                         SequentialColour(k / 8.0)));
  }
  absl::StrAppend(out, "</linearGradient></defs>\n");
  const double hi_shown = hi > lo ? hi : lo;
  absl::StrAppend(
      out, absl::StrFormat(
               "<g class=\"heat-legend\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" "
               "fill=\"url(#%s)\" stroke=\"#999\"/>"
               "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">%s</text>"
               "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
               "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>\n",
               left, legend_y, legend_width, gradient, left, legend_y + 24, FormatNumber(lo),
               left + legend_width, legend_y + 24, FormatNumber(hi_shown), left + legend_width + 10,
               legend_y + 9, EscapeHtml(legend_text)));
  absl::StrAppend(out, "</svg>\n");
  return absl::OkStatus();
}

}  // namespace alliance::tools::html

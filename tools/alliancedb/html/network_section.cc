// Network drawings: Graphviz places the nodes (network_layout.h), then the
// SVG is drawn here: one <circle class="node-mark"> per node, its area growing
// with the node's size and its fill from its groups, a label under the larger
// and the shared nodes, straight edges, and an HTML legend.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "html/colours.h"
#include "html/html_escape.h"
#include "html/network_layout.h"
#include "html/number_format.h"
#include "html/section_renderers.h"
#include "html/text_width.h"

namespace alliance::tools::html {
namespace {

constexpr double kMinRadius = 5;
constexpr double kMaxRadius = 22;
constexpr double kLabelGap = 3;
constexpr double kMargin = 16;
constexpr double kMaxWidth = 1100;  // wider layouts are scaled down to fit the page

const char* KindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kOrganisation:
      return "organisation";
    case NodeKind::kConsortium:
      return "consortium";
    case NodeKind::kModel:
      return "model";
    case NodeKind::kHardware:
      return "hardware";
    case NodeKind::kOther:
      return "other";
  }
  return "other";
}

// How the legend explains a kind's outline (see the page's CSS).
const char* KindOutline(NodeKind kind) {
  switch (kind) {
    case NodeKind::kConsortium:
      return "heavy outline";
    case NodeKind::kModel:
      return "dashed outline";
    case NodeKind::kHardware:
      return "dotted outline";
    default:
      return "thin outline";
  }
}

const std::string& LabelOf(const NetworkNode& node) {
  return node.label.empty() ? node.id : node.label;
}

// What the drawing needs per node before and after the layout.
struct Mark {
  double radius = 0;
  bool labelled = false;
  LayoutRequest::Box box;
  double cx = 0, cy = 0;  // circle centre, final coordinates
};

// Marks grow in area with size, from kMinRadius at the smallest size to
// kMaxRadius at the largest; all equal sizes draw mid-sized marks.
std::vector<double> Radii(const std::vector<NetworkNode>& nodes) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& node : nodes) {
    if (!std::isfinite(node.size)) continue;
    lo = std::min(lo, node.size);
    hi = std::max(hi, node.size);
  }
  std::vector<double> radii;
  for (const auto& node : nodes) {
    double t = 0.5;
    if (hi > lo) t = std::isfinite(node.size) ? (node.size - lo) / (hi - lo) : 0;
    radii.push_back(kMinRadius + (kMaxRadius - kMinRadius) * std::sqrt(t));
  }
  return radii;
}

// Consortia and nodes in two or more groups always; then the label_top_n
// largest of the rest (ties in input order).
std::vector<bool> Labelled(const NetworkDrawing& drawing) {
  const auto& nodes = drawing.nodes;
  std::vector<bool> labelled(nodes.size());
  std::vector<size_t> rest;
  for (size_t i = 0; i < nodes.size(); ++i) {
    labelled[i] = nodes[i].kind == NodeKind::kConsortium || nodes[i].groups.size() >= 2;
    if (!labelled[i]) rest.push_back(i);
  }
  auto key = [&](size_t i) { return std::isnan(nodes[i].size) ? -HUGE_VAL : nodes[i].size; };
  std::stable_sort(rest.begin(), rest.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
  for (size_t k = 0; k < rest.size() && k < drawing.label_top_n; ++k) labelled[rest[k]] = true;
  return labelled;
}

}  // namespace

absl::Status RenderNetwork(const NetworkDrawing& drawing, std::string* out) {
  const auto& nodes = drawing.nodes;
  auto invalid = [&](const std::string& what) {
    return absl::InvalidArgumentError(absl::StrCat("network '", drawing.caption, "': ", what));
  };
  absl::flat_hash_map<std::string, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!index.emplace(nodes[i].id, i).second) {
      return invalid(absl::StrCat("node id '", nodes[i].id, "' appears twice"));
    }
  }
  // Ordered and normalised: each undirected pair once, in a reproducible order.
  std::set<std::pair<size_t, size_t>> edges;
  for (const auto& edge : drawing.edges) {
    auto a = index.find(edge.from), b = index.find(edge.to);
    if (a == index.end() || b == index.end()) {
      return invalid(absl::StrCat("edge ", edge.from, " - ", edge.to, " names an unknown node '",
                                  a == index.end() ? edge.from : edge.to, "'"));
    }
    if (a->second != b->second) edges.emplace(std::minmax(a->second, b->second));
  }
  if (nodes.empty()) {
    RenderEmptyNote("the network has no nodes", out);
    return absl::OkStatus();
  }

  // Each layout box holds the mark with its label centred underneath, so the
  // overlap removal keeps labels clear of other marks too.
  const std::vector<double> radii = Radii(nodes);
  const std::vector<bool> labelled = Labelled(drawing);
  std::vector<Mark> marks(nodes.size());
  LayoutRequest request{
      .edges = {edges.begin(), edges.end()}, .engine = drawing.layout_engine, .seed = drawing.seed};
  for (size_t i = 0; i < nodes.size(); ++i) {
    Mark& m = marks[i];
    m.radius = radii[i];
    m.labelled = labelled[i];
    const double label_width = m.labelled ? EstimateTextWidth(LabelOf(nodes[i]), kFontPx) : 0;
    m.box = {std::max(2 * m.radius, label_width) + 4,
             2 * m.radius + (m.labelled ? kLabelGap + kFontPx * 1.25 : 0)};
    request.boxes.push_back(m.box);
  }
  absl::StatusOr<std::vector<LayoutPoint>> centres = LayoutNetwork(request);
  if (!centres.ok()) {
    return absl::Status(centres.status().code(), absl::StrCat("network '", drawing.caption,
                                                              "': ", centres.status().message()));
  }

  double min_x = HUGE_VAL, min_y = HUGE_VAL, max_x = -HUGE_VAL, max_y = -HUGE_VAL;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const LayoutPoint& p = (*centres)[i];
    min_x = std::min(min_x, p.x - marks[i].box.width / 2);
    max_x = std::max(max_x, p.x + marks[i].box.width / 2);
    min_y = std::min(min_y, p.y - marks[i].box.height / 2);
    max_y = std::max(max_y, p.y + marks[i].box.height / 2);
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    const LayoutPoint& p = (*centres)[i];
    marks[i].cx = p.x - min_x + kMargin;
    marks[i].cy = p.y - marks[i].box.height / 2 + marks[i].radius - min_y + kMargin;
  }
  const double width = max_x - min_x + 2 * kMargin;
  const double height = max_y - min_y + 2 * kMargin;
  const double shown = std::min(1.0, kMaxWidth / width);

  // Groups take palette colours in order of first appearance.
  std::vector<std::string> group_names;
  std::map<std::string, size_t> group_index;
  bool any_shared = false, any_ungrouped = false;
  std::set<NodeKind> kinds;
  for (const auto& node : nodes) {
    for (const auto& g : node.groups) {
      if (group_index.emplace(g, group_names.size()).second) group_names.push_back(g);
    }
    any_shared = any_shared || node.groups.size() >= 2;
    any_ungrouped = any_ungrouped || node.groups.empty();
    kinds.insert(node.kind);
  }
  auto fill = [&](const NetworkNode& node) -> std::string {
    if (node.groups.empty()) return kNeutralColour;
    if (node.groups.size() >= 2) return kSharedColour;
    return GroupColour(group_index[node.groups[0]]);
  };

  absl::StrAppend(
      out,
      absl::StrFormat("<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\" "
                      "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                      "aria-label=\"%s\">\n<g class=\"edges\">\n",
                      width, height, width * shown, height * shown, EscapeHtml(drawing.caption)));
  for (const auto& [a, b] : edges) {
    absl::StrAppend(out, absl::StrFormat("<line class=\"edge\" data-a=\"%d\" data-b=\"%d\" "
                                         "x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                                         a, b, marks[a].cx, marks[a].cy, marks[b].cx, marks[b].cy));
  }
  absl::StrAppend(out, "</g>\n<g class=\"nodes\">\n");
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NetworkNode& node = nodes[i];
    std::string tooltip = absl::StrCat(LabelOf(node), " (", KindName(node.kind), "); ",
                                       drawing.size_label, " ", FormatNumber(node.size));
    if (!node.groups.empty()) absl::StrAppend(&tooltip, "; ", absl::StrJoin(node.groups, ", "));
    absl::StrAppend(
        out, absl::StrFormat("<circle class=\"node-mark k-%s%s\" data-i=\"%d\" data-id=\"%s\" "
                             "data-name=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">"
                             "<title>%s</title></circle>\n",
                             KindName(node.kind), node.groups.size() >= 2 ? " shared" : "", i,
                             EscapeHtml(node.id), EscapeHtml(LabelOf(node)), marks[i].cx,
                             marks[i].cy, marks[i].radius, fill(node), EscapeHtml(tooltip)));
  }
  absl::StrAppend(out, "</g>\n<g class=\"labels\">\n");
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!marks[i].labelled) continue;
    absl::StrAppend(out, absl::StrFormat("<text class=\"node-label k-%s\" data-i=\"%d\" "
                                         "x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                                         "dominant-baseline=\"hanging\">%s</text>\n",
                                         KindName(nodes[i].kind), i, marks[i].cx,
                                         marks[i].cy + marks[i].radius + kLabelGap,
                                         EscapeHtml(LabelOf(nodes[i]))));
  }
  absl::StrAppend(out, "</g>\n</svg>\n");

  // The legend explains fills, outlines and sizes.
  auto swatch = [&](const std::string& colour, std::string_view text, absl::string_view css) {
    absl::StrAppend(out, "<li><span class=\"swatch", css, "\" style=\"background:", colour,
                    "\"></span>", EscapeHtml(text), "</li>");
  };
  absl::StrAppend(out, "<ul class=\"legend\">");
  for (size_t g = 0; g < group_names.size(); ++g) swatch(GroupColour(g), group_names[g], "");
  if (any_shared) swatch(kSharedColour, "in 2 or more groups", "");
  if (any_ungrouped) swatch(kNeutralColour, "in no group", "");
  for (NodeKind kind : kinds) {
    swatch("#fff", absl::StrCat(KindName(kind), ": ", KindOutline(kind)),
           absl::StrCat(" k-", KindName(kind)));
  }
  absl::StrAppend(out, "<li>mark area: ", EscapeHtml(drawing.size_label), "</li></ul>\n");
  return absl::OkStatus();
}

}  // namespace alliance::tools::html

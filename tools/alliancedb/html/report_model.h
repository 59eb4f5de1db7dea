// The content of an HTML report as plain values, independent of the database:
// a title and a list of sections that RenderHtmlReport (html_report.h) draws.
//
//   HtmlReport report{.title = "Overlap", .subtitle = "bundled data"};
//   report.sections.push_back(Table{.caption = "Shared", .header = {"organisation", "n"},
//                                   .rows = {{"KAIST", "3"}}});
#ifndef ALLIANCE_TOOLS_HTML_REPORT_MODEL_H_
#define ALLIANCE_TOOLS_HTML_REPORT_MODEL_H_

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace alliance::tools::html {

// Free text under an optional heading.
struct Paragraph {
  std::string caption;  // may be empty
  std::string text;
};

// Rows of UTF-8 cells. Columns whose every non-empty cell is a number are
// right-aligned; rows shorter than the header are padded with empty cells.
struct Table {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A C x C matrix over one list of labels used for rows and columns alike
// (e.g. members shared between consortia). The diagonal (a consortium against
// itself, i.e. its size) is printed but drawn neutral and left out of the
// colour scale, where it would wash out the off-diagonal contrast.
struct Heatmap {
  std::string caption;
  std::vector<std::string> labels;             // C labels
  std::vector<std::vector<double>> values;     // C rows of C values, printed in the cells
  std::vector<std::vector<double>> secondary;  // empty, or C x C (e.g. Jaccard): tooltips only
  std::string value_name = "shared members";
  std::string secondary_name = "Jaccard";
};

// Horizontal bars, drawn largest first.
struct BarChart {
  struct Item {
    std::string label;
    double value = 0;  // values below zero draw as empty bars
  };
  std::string caption;
  std::string series_label;  // what the values measure, e.g. "betweenness"
  std::vector<Item> items;   // any order
  size_t top_n = 0;          // keep the top_n largest; 0 keeps all
};

// How a node's mark is outlined; the fill comes from its groups.
enum class NodeKind { kOrganisation, kConsortium, kModel, kHardware, kOther };

struct NetworkNode {
  std::string id;     // unique within the drawing; edges name nodes by it
  std::string label;  // the visible text; empty shows the id
  NodeKind kind = NodeKind::kOrganisation;
  double size = 0;  // e.g. a centrality score; the mark's area grows with it
  // Colour groups, e.g. the consortia an organisation belongs to (a consortium
  // names itself). One group: that group's colour; two or more: the shared
  // colour, so organisations spanning alliances stand out; none: grey.
  std::vector<std::string> groups;
};

struct NetworkEdge {
  std::string from;  // node ids; undirected, duplicates drawn once
  std::string to;
};

// A node-link drawing laid out by Graphviz. Every consortium, every node in two
// or more groups and the label_top_n largest other nodes carry a visible
// label; every mark has a tooltip.
struct NetworkDrawing {
  std::string caption;
  std::vector<NetworkNode> nodes;
  std::vector<NetworkEdge> edges;
  std::string size_label = "centrality";  // what NetworkNode::size measures
  size_t label_top_n = 40;
  // A Graphviz layout engine ("neato", "sfdp", "fdp", ...); empty picks neato,
  // or sfdp for graphs too large for neato's stress majorisation.
  std::string layout_engine;
  int seed = 1;  // Graphviz's start=seed: the same input draws the same picture
};

using Section = std::variant<Paragraph, Table, Heatmap, BarChart, NetworkDrawing>;

struct HtmlReport {
  std::string title;
  std::string subtitle;  // may be empty
  std::vector<Section> sections;
};

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_REPORT_MODEL_H_

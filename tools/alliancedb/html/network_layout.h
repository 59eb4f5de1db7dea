// LayoutNetwork: positions for boxes joined by edges, computed by Graphviz
// (libgvc) so that no two boxes overlap; the caller draws the picture itself.
#ifndef ALLIANCE_TOOLS_HTML_NETWORK_LAYOUT_H_
#define ALLIANCE_TOOLS_HTML_NETWORK_LAYOUT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace alliance::tools::html {

struct LayoutRequest {
  struct Box {
    double width = 0;  // in points (= SVG user units)
    double height = 0;
  };
  std::vector<Box> boxes;
  std::vector<std::pair<size_t, size_t>> edges;  // indices into boxes
  std::string engine;                            // empty: DefaultLayoutEngine(boxes.size())
  int seed = 1;                                  // Graphviz start=seed
};

struct LayoutPoint {
  double x = 0;  // box centre; y grows downwards, as in SVG
  double y = 0;
};

// Graphs larger than this go to sfdp: neato's stress majorisation keeps an
// n x n distance matrix.
inline constexpr size_t kNeatoMaxNodes = 500;

// "neato" up to kNeatoMaxNodes nodes, else "sfdp".
std::string DefaultLayoutEngine(size_t node_count);

// One centre per box, in the request's order; the same request gives the same
// positions. No boxes: no positions, and Graphviz is not called. An engine
// Graphviz does not have or an edge index out of range: InvalidArgument. A
// layout that fails or reports an error: Internal, with Graphviz's message.
// Calls are serialised (Graphviz is not thread-safe) and share one Graphviz
// context for the process.
absl::StatusOr<std::vector<LayoutPoint>> LayoutNetwork(const LayoutRequest& request);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_NETWORK_LAYOUT_H_

#include "engine/analytics/biconnected_structure.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <vector>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "absl/status/status.h"
#include "engine/analytics/csr_graph_bgl.h"

namespace alliance::analytics {

absl::StatusOr<BiconnectedStructure> FindBiconnectedStructure(const CsrGraph& g) {
  if (g.directed()) {
    return absl::InvalidArgumentError(
        "articulation points and bridges are defined for undirected graphs only");
  }
  const UndirectedBglView view(g);
  // BGL 1.74's biconnected_components mishandles self-loops: one at the DFS root is
  // dropped, any other is filed into the component of the tree edge above its vertex,
  // which then no longer looks like a single-edge bridge. Loops change neither answer,
  // so they are hidden from it.
  const boost::filtered_graph<UndirectedBglView, NotSelfLoop> loopless(view, NotSelfLoop{});

  constexpr size_t kNoComponent = std::numeric_limits<size_t>::max();
  std::vector<size_t> component(num_edges(view), kNoComponent);
  BiconnectedStructure result;
  const size_t component_count =
      boost::biconnected_components(
          loopless, boost::make_iterator_property_map(component.begin(), EdgeIdMap{}),
          std::back_inserter(result.articulation_points))
          .first;
  std::sort(result.articulation_points.begin(), result.articulation_points.end());

  // A bridge is alone in its biconnected component. BGL's DFS skips every arc back to
  // the DFS parent, so a parallel twin of a tree edge is never filed anywhere and the
  // tree edge looks alone: multiplicity must be checked separately.
  std::vector<uint64_t> component_size(component_count, 0);
  for (size_t c : component) {
    if (c != kNoComponent) ++component_size[c];
  }
  for (VertexIndex u = 0; u < g.vertex_count(); ++u) {
    const auto nbrs = g.out_neighbors(u);
    for (size_t i = 0; i < nbrs.size();) {
      const VertexIndex v = nbrs[i];
      size_t run_end = i + 1;
      while (run_end < nbrs.size() && nbrs[run_end] == v) ++run_end;
      if (v > u && run_end - i == 1) {
        const size_t c = component[view.EdgeId(g.first_arc(u) + i)];
        if (c != kNoComponent && component_size[c] == 1) result.bridges.emplace_back(u, v);
      }
      i = run_end;
    }
  }
  return result;
}

}  // namespace alliance::analytics

#include "engine/analytics/k_core.h"

#include <vector>

#include <boost/graph/core_numbers.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "engine/analytics/csr_graph_bgl.h"

namespace alliance::analytics {

std::vector<uint64_t> CoreNumbers(const CsrGraph& g) {
  // Undirected view: on a directed snapshot every vertex sees its in- and out-arcs.
  const UndirectedBglView view(g);
  // BGL counts a self-loop in the starting degree but never takes it away again (the
  // loop's far end is the vertex being removed), which can lift a core number by one.
  boost::filtered_graph<UndirectedBglView, NotSelfLoop> loopless(view, NotSelfLoop{});
  std::vector<uint64_t> core(g.vertex_count());
  boost::core_numbers(loopless, boost::make_iterator_property_map(core.begin(), VertexIdMap{}));
  return core;
}

std::vector<VertexIndex> KCoreVertices(const CsrGraph& g, uint64_t k) {
  const std::vector<uint64_t> core = CoreNumbers(g);
  std::vector<VertexIndex> members;
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    if (core[v] >= k) members.push_back(v);
  }
  return members;
}

}  // namespace alliance::analytics

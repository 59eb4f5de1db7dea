// Degree centrality as NetworkX's degree_centrality / in_degree_centrality /
// out_degree_centrality, plus the weighted variant (strength over n-1).
#ifndef ALLIANCE_ENGINE_ANALYTICS_DEGREE_CENTRALITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_DEGREE_CENTRALITY_H_

#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

// Which arcs count. On an undirected graph all three mean the plain degree (NetworkX has no
// in/out degree centrality for undirected graphs).
enum class DegreeKind { kTotal, kIn, kOut };

struct DegreeCentralityOptions {
  DegreeKind kind = DegreeKind::kTotal;
  // Sum arc weights (NetworkX's G.degree(weight="weight")) instead of counting arcs.
  bool weighted = false;
};

// NetworkX's G.degree(): parallel edges each count; an undirected self-loop counts twice and
// a directed one adds 1 to both in- and out-degree. Indexed by VertexIndex.
std::vector<double> VertexDegrees(const CsrGraph& graph, DegreeKind kind, bool weighted);

// Degree / (n - 1); every vertex scores 1 when n <= 1, as in NetworkX. Self-loops and parallel
// edges can push scores above 1.
std::vector<double> DegreeCentrality(const CsrGraph& graph,
                                     const DegreeCentralityOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_DEGREE_CENTRALITY_H_

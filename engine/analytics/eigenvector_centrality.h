// Eigenvector centrality by power iteration, step for step as NetworkX's
// eigenvector_centrality (iterating on A + I, Euclidean normalisation).
#ifndef ALLIANCE_ENGINE_ANALYTICS_EIGENVECTOR_CENTRALITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_EIGENVECTOR_CENTRALITY_H_

#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct EigenvectorCentralityOptions {
  uint32_t max_iterations = 100;
  // Stop once the L1 change of an iteration is below vertex_count * tolerance.
  double tolerance = 1e-6;
  // Arc weights scale each neighbour's contribution; ignored on an unweighted graph.
  bool weighted = false;
};

struct EigenvectorCentralityResult {
  // Indexed by VertexIndex, unit Euclidean norm; the last iterate when not converged.
  std::vector<double> scores;
  uint32_t iterations = 0;
  // False where NetworkX raises: no convergence within max_iterations, or the null graph.
  bool converged = false;
};

// A directed graph scores v by its in-neighbours. Each parallel arc adds its weight, as in a
// simple graph whose edge weight is the sum (NetworkX refuses multigraphs here); an
// undirected self-loop counts once, as NetworkX's G[v][v].
EigenvectorCentralityResult EigenvectorCentrality(const CsrGraph& graph,
                                                  const EigenvectorCentralityOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_EIGENVECTOR_CENTRALITY_H_

#include "engine/analytics/eigenvector_centrality.h"

#include <cmath>
#include <span>
#include <utility>

namespace alliance::analytics {

EigenvectorCentralityResult EigenvectorCentrality(const CsrGraph& graph,
                                                  const EigenvectorCentralityOptions& options) {
  const VertexIndex n = graph.vertex_count();
  EigenvectorCentralityResult result;
  if (n == 0) return result;
  const bool use_weights = options.weighted && graph.weighted();
  std::vector<double> current(n, 1.0 / n);
  std::vector<double> next(n);
  while (result.iterations < options.max_iterations) {
    ++result.iterations;
    // Starting from the old score is the "+ I": it shifts the spectrum so bipartite graphs,
    // whose adjacency has eigenvalues +-lambda, still converge.
    double squared_norm = 0;
    for (VertexIndex v = 0; v < n; ++v) {
      const std::span<const VertexIndex> sources = graph.in_neighbors(v);
      const std::span<const double> weights =
          use_weights ? graph.in_weights(v) : std::span<const double>();
      double score = current[v];
      for (size_t i = 0; i < sources.size(); ++i) {
        score += current[sources[i]] * (weights.empty() ? 1.0 : weights[i]);
      }
      next[v] = score;
      squared_norm += score * score;
    }
    const double norm = squared_norm > 0 ? std::sqrt(squared_norm) : 1.0;
    double change = 0;
    for (VertexIndex v = 0; v < n; ++v) {
      next[v] /= norm;
      change += std::abs(next[v] - current[v]);
    }
    std::swap(current, next);
    if (change < n * options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(current);
  return result;
}

}  // namespace alliance::analytics

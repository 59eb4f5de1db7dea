// Local and average clustering coefficients of an undirected graph, unweighted or
// weighted, with the values networkx.clustering / networkx.average_clustering give.
#ifndef ALLIANCE_ENGINE_ANALYTICS_CLUSTERING_COEFFICIENT_H_
#define ALLIANCE_ENGINE_ANALYTICS_CLUSTERING_COEFFICIENT_H_

#include <span>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct ClusteringOptions {
  // false: the fraction of neighbour pairs that are linked (NetworkX weight=None).
  // true: each triangle counts the geometric mean of its three edge weights, each
  // divided by the largest edge weight in the graph (NetworkX weight="weight", after
  // Onnela et al.). An unweighted CsrGraph then weighs every edge 1.
  bool weighted = false;
  // AverageClustering only: false averages over vertices with non-zero clustering.
  bool count_zeros = true;
};

// Clustering of every vertex, indexed by VertexIndex. Vertices of degree < 2 get 0.
// Self-loops are ignored, except that a loop's weight can be the maximum the weights
// are normalised by (NetworkX takes the maximum over all edges, loops included).
// Parallel edges count as one edge, whose weight is their sum (what a NetworkX Graph
// built by adding up multi-edge weights holds). A directed graph gives an empty vector.
std::vector<double> LocalClustering(const CsrGraph& g, const ClusteringOptions& options = {});

// Mean of LocalClustering. NaN when there is nothing to average (no vertices, or no
// non-zero value with count_zeros off), where NetworkX raises ZeroDivisionError.
double AverageClustering(const CsrGraph& g, const ClusteringOptions& options = {});
// The same from already computed local values.
double AverageClustering(std::span<const double> local, bool count_zeros = true);

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_CLUSTERING_COEFFICIENT_H_

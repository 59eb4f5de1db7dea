// Pairwise overlap of same-side vertices of a two-mode graph (consortium pairs by shared
// members, organisation pairs by shared consortia): shared count, Jaccard, overlap
// coefficient and cosine, filtered and ranked without materialising all pairs.
#ifndef ALLIANCE_ENGINE_ANALYTICS_OVERLAP_SIMILARITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_OVERLAP_SIMILARITY_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

enum class OverlapMetric {
  kShared,              // |A ∩ B|
  kJaccard,             // |A ∩ B| / |A ∪ B|
  kOverlapCoefficient,  // |A ∩ B| / min(|A|, |B|)  (Szymkiewicz–Simpson)
  kCosine,              // |A ∩ B| / sqrt(|A| |B|)  (Salton)
};

struct OverlapOptions {
  // Compare vertices is_top marks (else the others).
  bool compare_top = true;
  // Only pairs sharing at least this many neighbours (0 is read as 1: pairs sharing
  // nothing are never enumerated).
  uint32_t min_shared = 1;
  // If not empty, only pairs with at least one vertex from here; vertices of the other
  // side and repeats are ignored.
  std::vector<VertexIndex> sources = {};
  // Keep only the best top_k pairs by rank_by (0 keeps all). Memory stays O(top_k) per
  // thread however many pairs match.
  size_t top_k = 0;
  OverlapMetric rank_by = OverlapMetric::kShared;
  // List up to this many shared neighbours per reported pair (0: none).
  size_t list_shared = 0;
  // 0 = one per hardware thread. The result does not depend on it.
  unsigned threads = 1;
};

struct OverlapPair {
  VertexIndex a = 0, b = 0;  // a < b
  uint32_t shared = 0;
  uint32_t degree_a = 0, degree_b = 0;  // |A|, |B|
  double jaccard = 0, overlap = 0, cosine = 0;
  // Ascending, the first list_shared of them; shared tells whether the list is complete.
  std::vector<VertexIndex> shared_neighbors;
};

struct OverlapResult {
  // Best first by rank_by; equal scores in (a, b) order, so results are deterministic.
  std::vector<OverlapPair> pairs;
  // Pairs that passed the filters, before top_k.
  uint64_t matching_pairs = 0;
};

// A and B are the sets of other-side neighbours: parallel edges count once (a duplicated
// membership is still one membership), edges inside a side and self-loops not at all.
// For a valid two-mode graph: shared = len(list(nx.common_neighbors(G, a, b))) and
// jaccard = nx.jaccard_coefficient(G, [(a, b)]); shared is also the edge weight of
// nx.bipartite.weighted_projected_graph. is_top as in two_mode_centrality.h (entries
// past its end count as bottom). A directed graph gives an empty result.
OverlapResult OverlapSimilarity(const CsrGraph& g, const std::vector<bool>& is_top,
                                const OverlapOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_OVERLAP_SIMILARITY_H_

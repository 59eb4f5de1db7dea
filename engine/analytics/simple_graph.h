// The simple-graph view that NetworkX's Graph algorithms assume: parallel arcs of a
// CsrGraph merged into one arc whose weight is their sum, self-loops optionally dropped.
#ifndef ALLIANCE_ENGINE_ANALYTICS_SIMPLE_GRAPH_H_
#define ALLIANCE_ENGINE_ANALYTICS_SIMPLE_GRAPH_H_

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct SimplifyOptions {
  bool drop_self_loops = false;
  // Summed weights (the multiplicity when g is unweighted); purely structural callers
  // (cliques) switch this off to save 8 bytes per arc.
  bool keep_weights = true;
  // Weigh each merged arc by the number of arcs merged, ignoring stored weights: the
  // multigraph view of "every edge weighs 1" (NetworkX weight=None).
  bool count_arcs = false;
};

// True when g has no repeated arc targets and, if options.drop_self_loops, no self-loops.
// (Weights are not looked at.)
bool IsSimple(const CsrGraph& g, const SimplifyOptions& options);

CsrGraph Simplify(const CsrGraph& g, const SimplifyOptions& options);

// Avoids the copy in the common case: returns g itself when it is already simple and
// its weights (or implicit 1s) are the ones asked for, otherwise stores Simplify(g)
// in *storage and returns that.
const CsrGraph& SimpleView(const CsrGraph& g, const SimplifyOptions& options, CsrGraph* storage);

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SIMPLE_GRAPH_H_

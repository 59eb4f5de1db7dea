// Every algorithm with a parallel path, run with two threads on a graph large
// enough to split, gives what one thread gives. Labelled `concurrency`, so the
// ThreadSanitizer tier of CI runs it too.
#include <gtest/gtest.h>

#include <random>

#include "engine/analytics/betweenness_centrality.h"
#include "engine/analytics/closeness_centrality.h"
#include "engine/analytics/overlap_similarity.h"
#include "engine/analytics/page_rank.h"
#include "engine/analytics/two_mode_centrality.h"
#include "engine/analytics/two_mode_projection.h"

namespace alliance::analytics {
namespace {

// A membership-like two-mode graph: 1500 organisations, 150 consortia.
struct TwoModeGraph {
  static constexpr VertexIndex kTop = 1500, kBottom = 150;
  CsrGraph graph;
  std::vector<bool> is_top;
  TwoModeGraph() {
    std::mt19937 rng(11);
    std::vector<WeightedEdge> edges;
    for (VertexIndex o = 0; o < kTop; ++o) {
      for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) {
        edges.push_back({o, kTop + static_cast<VertexIndex>(rng() % kBottom), 1.0 + rng() % 3});
      }
    }
    graph = CsrGraph::Build(kTop + kBottom, std::move(edges), {.directed = false, .weighted = true});
    is_top.assign(kTop, true);
    is_top.resize(kTop + kBottom, false);
  }
};

void ExpectNear(const std::vector<double>& a, const std::vector<double>& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-9) << what << " " << i;
}

TEST(ParallelAlgorithmsTest, TwoThreadsMatchOne) {
  const TwoModeGraph t;
  for (bool weighted : {false, true}) {
    ExpectNear(BetweennessCentrality(t.graph, {.weighted = weighted, .threads = 1}),
               BetweennessCentrality(t.graph, {.weighted = weighted, .threads = 2}),
               "betweenness");
    ExpectNear(ClosenessCentrality(t.graph, {.weighted = weighted, .threads = 1}),
               ClosenessCentrality(t.graph, {.weighted = weighted, .threads = 2}), "closeness");
    ExpectNear(PageRank(t.graph, {.weighted = weighted, .threads = 1}).scores,
               PageRank(t.graph, {.weighted = weighted, .threads = 2}).scores, "pagerank");
  }
  ExpectNear(TwoModeBetweennessCentrality(t.graph, t.is_top, 1),
             TwoModeBetweennessCentrality(t.graph, t.is_top, 2), "two-mode betweenness");
  const auto one = ProjectTwoMode(t.graph, t.is_top, {.threads = 1});
  const auto two = ProjectTwoMode(t.graph, t.is_top, {.threads = 2});
  ASSERT_EQ(one.graph.arc_count(), two.graph.arc_count());
  for (VertexIndex v = 0; v < one.graph.vertex_count(); ++v) {
    ASSERT_TRUE(std::ranges::equal(one.graph.out_neighbors(v), two.graph.out_neighbors(v)));
  }
  const auto o1 = OverlapSimilarity(t.graph, t.is_top, {.compare_top = false, .top_k = 50, .threads = 1});
  const auto o2 = OverlapSimilarity(t.graph, t.is_top, {.compare_top = false, .top_k = 50, .threads = 2});
  ASSERT_EQ(o1.pairs.size(), o2.pairs.size());
  for (size_t i = 0; i < o1.pairs.size(); ++i) {
    EXPECT_EQ(o1.pairs[i].a, o2.pairs[i].a);
    EXPECT_EQ(o1.pairs[i].b, o2.pairs[i].b);
    EXPECT_EQ(o1.pairs[i].shared, o2.pairs[i].shared);
  }
}

}  // namespace
}  // namespace alliance::analytics

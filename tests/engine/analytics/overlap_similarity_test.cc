#include "engine/analytics/overlap_similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "engine/analytics/sorted_intersection.h"
#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;
using Key = std::tuple<VertexIndex, VertexIndex, uint32_t>;

std::vector<Key> Keys(const OverlapResult& r) {
  std::vector<Key> keys;
  for (const OverlapPair& p : r.pairs) keys.emplace_back(p.a, p.b, p.shared);
  return keys;
}

OverlapResult Organisations(const OverlapOptions& options = {}) {
  return OverlapSimilarity(cohesion_graphs::TwoModeAlliances(),
                           cohesion_graphs::TwoModeAlliancesTop(), options);
}

// Every organisation pair sharing a consortium, most shared first, ties in index order.
// shared = len(list(nx.common_neighbors(G, a, b))) on G = nx.Graph(B).
TEST(OverlapSimilarityTest, AllPairsRankedBySharedCount) {
  const OverlapResult r = Organisations();
  EXPECT_EQ(Keys(r), (std::vector<Key>{{0, 1, 2},
                                       {0, 3, 2},
                                       {0, 2, 1},
                                       {0, 4, 1},
                                       {0, 5, 1},
                                       {1, 3, 1},
                                       {1, 4, 1},
                                       {1, 5, 1},
                                       {2, 3, 1},
                                       {3, 4, 1}}));
  EXPECT_EQ(r.matching_pairs, 10u);
}

// The measures on the pair (0, 1): |A| = 3 (0-7 is recorded twice but counts once),
// |B| = 2, shared 2. jaccard = nx.jaccard_coefficient(G, [(0, 1)]); overlap = 2 / min;
// cosine = 2 / sqrt(3 * 2).
TEST(OverlapSimilarityTest, MeasuresMatchNetworkXAndDefinitions) {
  const OverlapResult r = Organisations();
  const OverlapPair& p = r.pairs.front();
  EXPECT_EQ(p.a, 0u);
  EXPECT_EQ(p.b, 1u);
  EXPECT_EQ(p.degree_a, 3u);
  EXPECT_EQ(p.degree_b, 2u);
  EXPECT_DOUBLE_EQ(p.jaccard, 0.6666666666666666);
  EXPECT_DOUBLE_EQ(p.overlap, 1.0);
  EXPECT_DOUBLE_EQ(p.cosine, 0.8164965809277261);
  EXPECT_TRUE(p.shared_neighbors.empty());  // not asked for
}

// Consortium pairs by shared members (the bundled report's question), with the members
// listed. Expected from nx.common_neighbors and nx.jaccard_coefficient on nx.Graph(B).
TEST(OverlapSimilarityTest, ConsortiumPairsListSharedMembers) {
  const OverlapResult r =
      OverlapSimilarity(cohesion_graphs::TwoModeAlliances(), cohesion_graphs::TwoModeAlliancesTop(),
                        {.compare_top = false, .list_shared = 10});
  ASSERT_EQ(Keys(r), (std::vector<Key>{{7, 8, 2}, {8, 9, 2}, {7, 9, 1}, {9, 10, 1}}));
  EXPECT_EQ(r.pairs[0].shared_neighbors, (std::vector<VertexIndex>{0, 1}));
  EXPECT_EQ(r.pairs[1].shared_neighbors, (std::vector<VertexIndex>{0, 3}));
  EXPECT_EQ(r.pairs[3].shared_neighbors, (std::vector<VertexIndex>{2}));
  EXPECT_DOUBLE_EQ(r.pairs[0].jaccard, 0.4);
  EXPECT_DOUBLE_EQ(r.pairs[0].overlap, 0.6666666666666666);
  EXPECT_DOUBLE_EQ(r.pairs[0].cosine, 0.5773502691896258);
  EXPECT_DOUBLE_EQ(r.pairs[3].jaccard, 0.3333333333333333);
  EXPECT_DOUBLE_EQ(r.pairs[3].overlap, 1.0);
}

// The listing is capped; shared still gives the full count.
TEST(OverlapSimilarityTest, SharedListIsCapped) {
  const OverlapResult r = Organisations({.list_shared = 1});
  const OverlapPair& p = r.pairs.front();
  EXPECT_EQ(p.shared, 2u);
  EXPECT_EQ(p.shared_neighbors, (std::vector<VertexIndex>{7}));
}

// top_k keeps the best pairs by the chosen measure; equal scores go by vertex index.
// Cosine: (0,1) and (0,3) 0.816, then (1,4), (1,5), (3,4) all 0.707.
TEST(OverlapSimilarityTest, TopKByMeasureBreaksTiesByIndex) {
  OverlapResult r = Organisations({.top_k = 3, .rank_by = OverlapMetric::kCosine});
  EXPECT_EQ(Keys(r), (std::vector<Key>{{0, 1, 2}, {0, 3, 2}, {1, 4, 1}}));
  EXPECT_EQ(r.matching_pairs, 10u);
  r = Organisations({.top_k = 4, .rank_by = OverlapMetric::kJaccard});
  EXPECT_EQ(Keys(r), (std::vector<Key>{{0, 1, 2}, {0, 3, 2}, {1, 4, 1}, {1, 5, 1}}));
  // Overlap coefficient 1 for the seven pairs where one side is contained in the other.
  r = Organisations({.top_k = 2, .rank_by = OverlapMetric::kOverlapCoefficient});
  EXPECT_EQ(Keys(r), (std::vector<Key>{{0, 1, 2}, {0, 3, 2}}));
  r = Organisations({.rank_by = OverlapMetric::kOverlapCoefficient});
  EXPECT_EQ(std::count_if(r.pairs.begin(), r.pairs.end(),
                          [](const OverlapPair& p) { return p.overlap == 1.0; }),
            7);
  EXPECT_TRUE(std::is_sorted(r.pairs.begin(), r.pairs.end(),
                             [](const auto& x, const auto& y) { return x.overlap > y.overlap; }));
}

// Sources restrict to pairs touching them; a pair of two sources appears once, and
// vertices of the other side or repeated are ignored.
TEST(OverlapSimilarityTest, SourcesRestrictPairs) {
  EXPECT_EQ(Keys(Organisations({.sources = {3}})),
            (std::vector<Key>{{0, 3, 2}, {1, 3, 1}, {2, 3, 1}, {3, 4, 1}}));
  const OverlapResult r = Organisations({.sources = {3, 0, 3, 8}});
  EXPECT_EQ(
      Keys(r),
      (std::vector<Key>{
          {0, 1, 2}, {0, 3, 2}, {0, 2, 1}, {0, 4, 1}, {0, 5, 1}, {1, 3, 1}, {2, 3, 1}, {3, 4, 1}}));
  EXPECT_EQ(r.matching_pairs, 8u);
  EXPECT_TRUE(Organisations({.sources = {6}}).pairs.empty());  // shares nothing
}

// min_shared filters before ranking and counting.
TEST(OverlapSimilarityTest, MinimumSharedFilters) {
  const OverlapResult r = Organisations({.min_shared = 2});
  EXPECT_EQ(Keys(r), (std::vector<Key>{{0, 1, 2}, {0, 3, 2}}));
  EXPECT_EQ(r.matching_pairs, 2u);
}

// Degenerate inputs give no pairs, not errors.
TEST(OverlapSimilarityTest, EmptyInputs) {
  EXPECT_TRUE(OverlapSimilarity(cohesion_graphs::Empty(), {}).pairs.empty());
  EXPECT_TRUE(OverlapSimilarity(cohesion_graphs::SingleVertex(), {true}).pairs.empty());
  // A star's leaves (bottom) all share the centre.
  EXPECT_EQ(
      OverlapSimilarity(cohesion_graphs::Star(), {true}, {.compare_top = false}).matching_pairs,
      6u);
  const CsrGraph directed = CsrGraph::Build(2, {{0, 1}}, {.directed = true});
  EXPECT_TRUE(OverlapSimilarity(directed, {true}).pairs.empty());
}

// On a random two-mode graph with repeated memberships, the pairs and counts equal
// brute-force intersections of neighbour sets, top_k is a prefix of the full ranking,
// and the thread count changes nothing.
TEST(OverlapSimilarityTest, RandomGraphMatchesBruteForceForAnyThreadCount) {
  const VertexIndex tops = 200, bottoms = 30;
  const CsrGraph g = cohesion_graphs::RandomTwoMode(tops, bottoms, 900, 99);
  const std::vector<bool> is_top(tops, true);

  std::vector<Key> expected;
  for (VertexIndex a = 0; a < tops; ++a) {
    for (VertexIndex b = a + 1; b < tops; ++b) {
      const auto shared =
          static_cast<uint32_t>(CountCommon(g.out_neighbors(a), g.out_neighbors(b)));
      if (shared >= 2) expected.emplace_back(a, b, shared);
    }
  }
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Key& x, const Key& y) { return std::get<2>(x) > std::get<2>(y); });
  ASSERT_GT(expected.size(), 100u);

  const OverlapResult all = OverlapSimilarity(g, is_top, {.min_shared = 2, .threads = 1});
  EXPECT_EQ(Keys(all), expected);
  const OverlapResult all_parallel = OverlapSimilarity(g, is_top, {.min_shared = 2, .threads = 3});
  EXPECT_EQ(Keys(all_parallel), expected);

  const OverlapOptions by_jaccard{.min_shared = 2, .rank_by = OverlapMetric::kJaccard};
  OverlapOptions top = by_jaccard;
  top.top_k = 25;
  top.threads = 4;
  const OverlapResult full = OverlapSimilarity(g, is_top, by_jaccard);
  const OverlapResult best = OverlapSimilarity(g, is_top, top);
  ASSERT_EQ(best.pairs.size(), 25u);
  EXPECT_EQ(best.matching_pairs, full.matching_pairs);
  const std::vector<Key> ranking = Keys(full);
  EXPECT_EQ(Keys(best), std::vector<Key>(ranking.begin(), ranking.begin() + 25));
}

}  // namespace
}  // namespace alliance::analytics

// Tests for the Boost.Graph views over CsrGraph (engine/analytics/csr_graph_bgl.h):
// the BGL concepts they model (checked at compile time in the header), edge ids
// shared by both ends of an undirected edge, in-edges of the directed view, the
// undirected view of a directed snapshot, property maps, and that BGL's own
// brandes_betweenness_centrality runs on them.

#include "engine/analytics/csr_graph_bgl.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/betweenness_centrality.hpp>

#include "gtest/gtest.h"
#include "tests/engine/analytics/structure_test_graphs.h"

namespace alliance::analytics {
namespace {

namespace graphs = structure_graphs;
using graphs::Directed;
using graphs::Undirected;

static_assert(std::is_same_v<boost::graph_traits<UndirectedBglView>::directed_category,
                             boost::undirected_tag>);
static_assert(std::is_same_v<boost::graph_traits<BglView>::directed_category, boost::directed_tag>);

template <typename View>
std::vector<BglEdge> OutEdges(VertexIndex v, const View& view) {
  auto [first, last] = out_edges(v, view);
  return {first, last};
}

// Parallel 0-1 pair, a self-loop at 2, and a triangle: everything that makes
// numbering undirected edges tricky.
CsrGraph MultigraphWithLoop() { return Undirected(3, {{0, 1}, {1, 2}, {0, 1}, {2, 2}, {0, 2}}); }

TEST(UndirectedBglViewTest, BothEndsOfAnEdgeShareOneDenseId) {
  const CsrGraph g = MultigraphWithLoop();
  const UndirectedBglView view(g);
  ASSERT_EQ(num_edges(view), 5u);
  std::map<ArcIndex, std::vector<BglEdge>> ends_by_id;
  for (VertexIndex v = 0; v < num_vertices(view); ++v) {
    for (const BglEdge& e : OutEdges(v, view)) {
      EXPECT_EQ(source(e, view), v);
      EXPECT_EQ(get(boost::edge_index, view, e), e.id);
      ends_by_id[e.id].push_back(e);
    }
  }
  ASSERT_EQ(ends_by_id.size(), 5u);
  EXPECT_EQ(ends_by_id.rbegin()->first, 4u);  // dense: ids 0..4
  int parallel_01 = 0;
  for (const auto& [id, ends] : ends_by_id) {
    if (ends[0].source == ends[0].target) {
      // A self-loop is stored as one arc, so it is seen once.
      EXPECT_EQ(ends.size(), 1u);
      continue;
    }
    ASSERT_EQ(ends.size(), 2u) << "edge " << id;
    EXPECT_EQ(ends[0].source, ends[1].target);
    EXPECT_EQ(ends[0].target, ends[1].source);
    EXPECT_TRUE(ends[0] == ends[1]);  // what BGL's undirected graphs promise
    parallel_01 += std::min(ends[0].source, ends[0].target) == 0 &&
                   std::max(ends[0].source, ends[0].target) == 1;
  }
  // The two parallel 0-1 edges stay two edges.
  EXPECT_EQ(parallel_01, 2);
}

TEST(UndirectedBglViewTest, CountsEdgesAsTheSnapshotDoes) {
  for (const CsrGraph& g :
       {MultigraphWithLoop(), graphs::TwoTrianglesBridged(), graphs::Disconnected7(),
        graphs::TriangleWithLoops(), graphs::DoubledEdge(), graphs::DirectedMixed(),
        Undirected(0, {}),
        // From storage-style arcs: 0-1 twice, 1-1 once, each non-loop edge both ways.
        CsrGraph::FromSortedArcs({0, 2, 5}, {1, 1, 1, 0, 0}, {}, /*directed=*/false)}) {
    const UndirectedBglView view(g);
    EXPECT_EQ(num_edges(view), g.edge_count());
    auto [first, last] = edges(view);
    EXPECT_EQ(static_cast<uint64_t>(std::distance(first, last)), g.edge_count());
  }
}

TEST(UndirectedBglViewTest, EdgeListHasEachEdgeOnceInIdOrder) {
  const CsrGraph g = MultigraphWithLoop();
  const UndirectedBglView view(g);
  auto [first, last] = edges(view);
  std::vector<ArcIndex> ids;
  for (auto it = first; it != last; ++it) {
    EXPECT_LE(it->source, it->target);
    ids.push_back(it->id);
  }
  EXPECT_EQ(ids, (std::vector<ArcIndex>{0, 1, 2, 3, 4}));
}

TEST(UndirectedBglViewTest, SeesADirectedSnapshotAsItsUnderlyingMultigraph) {
  // 2 has out-arcs to 0 and 3 and an in-arc from 1.
  const CsrGraph g = graphs::DirectedMixed();
  const UndirectedBglView view(g);
  EXPECT_EQ(num_edges(view), 7u);
  EXPECT_EQ(out_degree(2, view), 3u);
  auto [first, last] = adjacent_vertices(2, view);
  EXPECT_EQ(std::vector<VertexIndex>(first, last), (std::vector<VertexIndex>{0, 3, 1}));
  // The in-arc 1 -> 2 seen from 2 is the same edge as the out-arc seen from 1.
  const BglEdge from_2 = OutEdges(2, view)[2];
  const BglEdge from_1 = OutEdges(1, view)[0];
  EXPECT_EQ(from_2.source, 2u);
  EXPECT_EQ(from_2.target, 1u);
  EXPECT_TRUE(from_2 == from_1);
}

TEST(BglViewTest, InEdgesAreTheStoredOutArcs) {
  // Parallel arcs 0 -> 2 with different weights, a loop, and a back arc.
  const CsrGraph g =
      CsrGraph::Build(3, {{0, 2, 1.5}, {1, 2, 2.5}, {0, 2, 3.5}, {2, 0, 4.5}, {2, 2, 5.5}},
                      {.directed = true, .weighted = true});
  const BglView view(g);
  const ArcWeightMap weight = get(boost::edge_weight, view);
  std::multiset<ArcIndex> seen;
  for (VertexIndex v = 0; v < num_vertices(view); ++v) {
    auto [first, last] = in_edges(v, view);
    EXPECT_EQ(static_cast<uint64_t>(last - first), in_degree(v, view));
    for (auto it = first; it != last; ++it) {
      const BglEdge e = *it;
      EXPECT_EQ(target(e, view), v);
      const std::vector<BglEdge> out = OutEdges(e.source, view);
      const auto match = std::find(out.begin(), out.end(), e);
      ASSERT_NE(match, out.end());
      EXPECT_EQ(match->target, v);
      EXPECT_EQ(get(weight, *match), get(weight, e));
      seen.insert(e.id);
    }
  }
  EXPECT_EQ(seen, (std::multiset<ArcIndex>{0, 1, 2, 3, 4}));
  // The two parallel arcs keep their own weights, in input order.
  const std::vector<BglEdge> out0 = OutEdges(0, view);
  EXPECT_EQ(get(weight, out0[0]), 1.5);
  EXPECT_EQ(get(weight, out0[1]), 3.5);
}

TEST(BglViewTest, OnAnUndirectedSnapshotIsTheSymmetricDigraph) {
  const CsrGraph g = graphs::Path4();
  const BglView view(g);
  EXPECT_EQ(num_edges(view), 6u);
  auto [first, last] = adjacent_vertices(1, view);
  EXPECT_EQ(std::vector<VertexIndex>(first, last), (std::vector<VertexIndex>{0, 2}));
  EXPECT_EQ(degree(1, view), 4u);
}

TEST(BglViewTest, EmptyGraphHasNoVerticesOrEdges) {
  const CsrGraph g = Undirected(0, {});
  const BglView directed(g);
  const UndirectedBglView undirected(g);
  EXPECT_EQ(num_vertices(directed), 0u);
  EXPECT_TRUE(edges(directed).first == edges(directed).second);
  EXPECT_TRUE(edges(undirected).first == edges(undirected).second);
  EXPECT_TRUE(vertices(undirected).first == vertices(undirected).second);
}

std::vector<double> Brandes(const auto& view) {
  std::vector<double> centrality(num_vertices(view));
  boost::brandes_betweenness_centrality(
      view, boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, view)));
  return centrality;
}

TEST(BglViewTest, BrandesBetweennessRunsOnTheUndirectedView) {
  // Hand value: 2 and 3 each lie on the 3 x 3 shortest paths between the triangles.
  // NetworkX: nx.betweenness_centrality(G, normalized=False) -> {2: 6.0, 3: 6.0, others 0}.
  const CsrGraph bridged = graphs::TwoTrianglesBridged();
  EXPECT_EQ(Brandes(UndirectedBglView(bridged)), (std::vector<double>{0, 0, 6, 6, 0, 0}));
  // 4-cycle: each vertex carries half of the two paths between its neighbours.
  // NetworkX: nx.betweenness_centrality(nx.cycle_graph(4), normalized=False) -> 0.5 each.
  const CsrGraph c4 = Undirected(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  EXPECT_EQ(Brandes(UndirectedBglView(c4)), (std::vector<double>{0.5, 0.5, 0.5, 0.5}));
}

TEST(BglViewTest, BrandesOnTheSymmetricDigraphCountsEachPairTwice) {
  // Why undirected snapshots need UndirectedBglView: BGL halves only for undirected_tag.
  const CsrGraph bridged = graphs::TwoTrianglesBridged();
  EXPECT_EQ(Brandes(BglView(bridged)), (std::vector<double>{0, 0, 12, 12, 0, 0}));
}

}  // namespace
}  // namespace alliance::analytics

// ReferenceGraph loads what reference/networkx_reference.py writes. Runs the
// script with Debian's /usr/bin/python3 (the only interpreter that sees
// python3-networkx and python3-scipy); FAILS when those packages are missing, since
// tools/setup/install-deps.sh installs them and a skip would hide a broken setup.
#include "tests/engine/analytics/reference_graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <string>

#include "tests/temp_dir.h"

#ifndef ALLIANCE_NETWORKX_REFERENCE_SCRIPT
#define ALLIANCE_NETWORKX_REFERENCE_SCRIPT ""
#endif

namespace alliance::testing {
namespace {

namespace fs = std::filesystem;

std::string ScriptPath() {
  std::string configured = ALLIANCE_NETWORKX_REFERENCE_SCRIPT;
  if (!configured.empty()) return configured;
  return (fs::path(__FILE__).parent_path() / "reference" / "networkx_reference.py").string();
}

std::string DataDir() {
#ifdef ALLIANCE_TEST_DATA_DIR
  return ALLIANCE_TEST_DATA_DIR;
#else
  return (fs::path(__FILE__).parent_path() / ".." / ".." / ".." / "data").string();
#endif
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool NetworkxAvailable() {
  return std::system("/usr/bin/python3 -c 'import networkx, scipy' >/dev/null 2>&1") == 0;
}

class ReferenceGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(NetworkxAvailable())
        << "/usr/bin/python3 cannot import networkx and scipy: run tools/setup/install-deps.sh "
           "(it installs python3-networkx and python3-scipy)";
  }
  // Runs the script with `args` and loads its output.
  ReferenceGraph Generate(const std::string& args) {
    std::string out = dir_.Sub("reference.json");
    std::string cmd = "/usr/bin/python3 " + Quote(ScriptPath()) + " " + args + " --out " + Quote(out);
    int rc = std::system(cmd.c_str());
    EXPECT_EQ(rc, 0) << cmd;
    return ReferenceGraph::Load(out);
  }
  TempDir dir_;
};

TEST_F(ReferenceGraphTest, LoadsKarateClub) {
  ReferenceGraph ref = Generate("--graph karate");
  EXPECT_EQ(ref.name, "karate");
  ASSERT_EQ(ref.vertex_count(), 34u);
  EXPECT_EQ(ref.vertices[0], "0");
  EXPECT_EQ(ref.vertices[33], "33");
  ASSERT_EQ(ref.edges.size(), 78u);
  EXPECT_TRUE(ref.weighted);
  EXPECT_FALSE(ref.two_mode);
  EXPECT_TRUE(ref.top_side.empty());
  double total_weight = 0;
  for (const auto& e : ref.edges) {
    EXPECT_LT(e.u, e.v);
    total_weight += e.weight;
  }
  EXPECT_EQ(total_weight, 231.0);  // Zachary's interaction counts

  const auto& degree = ref.Values("degree");
  EXPECT_EQ(std::accumulate(degree.begin(), degree.end(), 0.0), 156.0);
  EXPECT_EQ(degree[33], 17.0);
  for (const char* key : {"pagerank", "pagerank_weighted", "pagerank_exact"}) {
    const auto& pr = ref.Values(key);
    ASSERT_EQ(pr.size(), 34u) << key;
    EXPECT_NEAR(std::accumulate(pr.begin(), pr.end(), 0.0), 1.0, 1e-9) << key;
  }
  EXPECT_TRUE(ref.IsWeighted("pagerank_weighted"));
  EXPECT_FALSE(ref.IsWeighted("pagerank"));
  EXPECT_TRUE(ref.IsWeighted("betweenness_centrality_weighted_unnormalized"));
  EXPECT_NE(ref.Call("eigenvector_centrality").find("tol=1e-12"), std::string::npos);
  EXPECT_NEAR(ref.Values("pagerank")[33], ref.Values("pagerank_exact")[33], 1e-10);
  EXPECT_EQ(ref.ArgMax("betweenness_centrality"), std::vector<uint32_t>{0});
  EXPECT_EQ(ref.ArgMax("eigenvector_centrality_weighted"), std::vector<uint32_t>{33});
  EXPECT_FALSE(ref.Ties("betweenness_centrality").empty());
  EXPECT_FALSE(ref.Has("bipartite_degree_centrality"));
  EXPECT_THROW(ref.Values("no_such_measure"), std::out_of_range);

  EXPECT_EQ(ref.articulation_points, std::vector<uint32_t>{0});
  ASSERT_EQ(ref.bridges.size(), 1u);
  EXPECT_EQ(ref.bridges[0], std::make_pair(0u, 11u));
  EXPECT_EQ(ref.component_count, 1);
  EXPECT_EQ(ref.cliques.size(), 36u);
  EXPECT_EQ(ref.document.at("clique_count").get<size_t>(), ref.cliques.size());
  ASSERT_EQ(ref.louvain.count("unweighted"), 1u);
  ASSERT_EQ(ref.louvain.count("weighted"), 1u);
  EXPECT_EQ(ref.louvain.at("weighted").modularity_by_seed.size(), 10u);
  EXPECT_GT(ref.louvain.at("unweighted").best_modularity, 0.4);
  EXPECT_EQ(ref.louvain.at("unweighted").partition.size(), 34u);
  EXPECT_TRUE(ref.IsWeighted("louvain.weighted"));

  ASSERT_FALSE(ref.shortest_paths.empty());
  const auto& sp = ref.shortest_paths[0];  // 0 -> 33, unweighted
  EXPECT_EQ(sp.source, 0u);
  EXPECT_EQ(sp.target, 33u);
  EXPECT_FALSE(sp.weighted);
  EXPECT_EQ(sp.length, 2.0);
  EXPECT_EQ(sp.paths.size(), 4u);  // via 8, 13, 19, 31
}

TEST_F(ReferenceGraphTest, LoadsBundledTwoModeGraph) {
  ReferenceGraph ref = Generate("--bundled " + Quote(DataDir()));
  ASSERT_TRUE(ref.two_mode);
  EXPECT_EQ(ref.top_side.size(), 41u);    // organisations
  EXPECT_EQ(ref.bottom_side.size(), 6u);  // consortia
  EXPECT_EQ(ref.edges.size(), 41u);
  EXPECT_EQ(ref.isolated.size(), 5u);
  EXPECT_TRUE(std::isnan(ref.Values("constraint")[ref.isolated[0]]));

  // KAIST has the highest two-mode betweenness among organisations.
  const auto& bb = ref.Values("bipartite_betweenness_centrality");
  uint32_t best = ref.top_side[0];
  for (uint32_t v : ref.top_side) best = bb[v] > bb[best] ? v : best;
  EXPECT_EQ(ref.vertices[best], "KAIST");

  const auto* o = ref.FindOverlap(ref.VertexIndex("Naver Cloud Consortium"),
                                  ref.VertexIndex("NC AI Consortium"));
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->shared, 2);
  EXPECT_EQ(o->common, (std::vector<uint32_t>{ref.VertexIndex("KAIST"),
                                               ref.VertexIndex("Korea University")}));
  EXPECT_DOUBLE_EQ(o->jaccard, 2.0 / 15.0);
  EXPECT_DOUBLE_EQ(o->overlap, 2.0 / 7.0);
  EXPECT_DOUBLE_EQ(o->cosine, 2.0 / std::sqrt(70.0));
  EXPECT_FALSE(ref.projection_top.empty());
  EXPECT_FALSE(ref.projection_bottom.empty());
}

}  // namespace
}  // namespace alliance::testing

// Every analytics algorithm against NetworkX 2.8.8 on the three classic graphs the
// reference script knows: Zachary's karate club (weighted by interaction counts),
// Davis' southern women (two-mode) and the Florentine families.
//
// For each graph the test runs reference/networkx_reference.py afresh, once per test
// binary (a static cache), with Debian's /usr/bin/python3, and builds CsrGraphs from the
// edge list it wrote: vertex i is graph.vertices[i], undirected, and weighted only where
// the reference is (karate). The script's header documents every key, the exact NetworkX
// call behind it, its tolerance and the known ties; the comments below refer to it.
//
// Tolerance: real values agree to 1e-6, absolute below 1 and relative above (betweenness
// and harmonic centrality reach ~200 and ~25); combinatorial results (degrees, core
// numbers, components, cut vertices, bridges, cliques, paths, projections, shared counts)
// agree exactly. The script's --bundled mode (the project's CSV dataset) is not used here:
// analytics_procedures_test covers that data through the database API.
//
// A missing python3-networkx / python3-scipy is a FAILURE, not a skip: the project's
// tools/setup/install-deps.sh installs them, so a skip would hide a broken setup.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/analytics/betweenness_centrality.h"
#include "engine/analytics/biconnected_structure.h"
#include "engine/analytics/closeness_centrality.h"
#include "engine/analytics/clustering_coefficient.h"
#include "engine/analytics/connected_components.h"
#include "engine/analytics/csr_graph.h"
#include "engine/analytics/degree_centrality.h"
#include "engine/analytics/eigenvector_centrality.h"
#include "engine/analytics/k_core.h"
#include "engine/analytics/louvain.h"
#include "engine/analytics/maximal_cliques.h"
#include "engine/analytics/modularity.h"
#include "engine/analytics/overlap_similarity.h"
#include "engine/analytics/page_rank.h"
#include "engine/analytics/shortest_paths.h"
#include "engine/analytics/structural_holes.h"
#include "engine/analytics/two_mode_centrality.h"
#include "engine/analytics/two_mode_projection.h"
#include "tests/engine/analytics/reference_graph.h"
#include "tests/temp_dir.h"

#ifndef ALLIANCE_NETWORKX_REFERENCE_SCRIPT
#define ALLIANCE_NETWORKX_REFERENCE_SCRIPT ""
#endif

namespace alliance::analytics {
namespace {

namespace fs = std::filesystem;
using testing::ReferenceGraph;

constexpr double kTolerance = 1e-6;
// The reference's own tie tolerance: values this close are "the same" for argmax.
constexpr double kTieTolerance = 1e-9;
constexpr const char* kInstallHint =
    "/usr/bin/python3 cannot import networkx and scipy: run tools/setup/install-deps.sh "
    "(it installs python3-networkx and python3-scipy)";

// ------------------------------------------------------------------ reference loading

std::string ScriptPath() {
  std::string configured = ALLIANCE_NETWORKX_REFERENCE_SCRIPT;
  if (!configured.empty()) return configured;
  return (fs::path(__FILE__).parent_path() / "reference" / "networkx_reference.py").string();
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One reference document plus the CSR inputs built from its edge list.
struct Fixture {
  ReferenceGraph ref;
  CsrGraph plain;     // every edge weighs 1, no weights stored
  CsrGraph weighted;  // the reference weights; built only when ref.weighted
  std::vector<bool> is_top;  // two-mode graphs: the script's top side (davis: the women)
};

struct CacheEntry {
  std::unique_ptr<Fixture> fixture;
  std::string error;
};

CacheEntry MakeFixture(const std::string& graph) {
  CacheEntry entry;
  if (std::system("/usr/bin/python3 -c 'import networkx, scipy' >/dev/null 2>&1") != 0) {
    entry.error = kInstallHint;
    return entry;
  }
  testing::TempDir dir;
  const std::string out = dir.Sub(graph + ".json");
  const std::string err = dir.Sub("stderr.txt");
  const std::string cmd = "/usr/bin/python3 " + Quote(ScriptPath()) + " --graph " + Quote(graph) +
                          " --out " + Quote(out) + " 2>" + Quote(err);
  if (int rc = std::system(cmd.c_str()); rc != 0) {
    entry.error = cmd + " exited with " + std::to_string(rc) + ":\n" + ReadFile(err);
    return entry;
  }
  auto f = std::make_unique<Fixture>();
  try {
    f->ref = ReferenceGraph::Load(out);
  } catch (const std::exception& e) {
    entry.error = e.what();
    return entry;
  }
  const ReferenceGraph& ref = f->ref;
  std::vector<WeightedEdge> edges;
  for (const auto& e : ref.edges) edges.push_back({e.u, e.v, e.weight});
  f->plain = CsrGraph::Build(ref.vertex_count(), edges, {.directed = false, .weighted = false});
  if (ref.weighted) {
    f->weighted = CsrGraph::Build(ref.vertex_count(), edges, {.directed = false, .weighted = true});
  }
  if (ref.two_mode) f->is_top = MarkTopVertices(ref.vertex_count(), ref.top_side);
  entry.fixture = std::move(f);
  return entry;
}

// The script runs once per graph per test binary; a failure is remembered and reported
// by every test of that graph.
const CacheEntry& Cached(const std::string& graph) {
  static std::map<std::string, CacheEntry> cache;
  auto it = cache.find(graph);
  if (it == cache.end()) it = cache.emplace(graph, MakeFixture(graph)).first;
  return it->second;
}

// ------------------------------------------------------------------------ comparing

// Largest deviation per comparison (scaled as the tolerance is), printed after the run
// so the margin under kTolerance is visible.
std::map<std::string, double>& Deviations() {
  static std::map<std::string, double> d;
  return d;
}

void NoteDeviation(const std::string& what, double deviation) {
  double& d = Deviations()[what];
  d = std::max(d, deviation);
}

class DeviationReport : public ::testing::Environment {
 public:
  void TearDown() override {
    if (Deviations().empty()) return;
    std::printf("[ NetworkX ] largest deviation per comparison (|a-e| / max(1,|e|)):\n");
    for (const auto& [what, d] : Deviations()) std::printf("  %-64s %.3g\n", what.c_str(), d);
  }
};
const auto* const kDeviationReport = ::testing::AddGlobalTestEnvironment(new DeviationReport);

double Deviation(double actual, double expected) {
  if (std::isnan(expected) || std::isnan(actual)) {
    return std::isnan(expected) && std::isnan(actual) ? 0.0 : INFINITY;
  }
  return std::abs(actual - expected) / std::max(1.0, std::abs(expected));
}

std::string Num(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

std::vector<uint32_t> ArgMax(std::span<const double> values) {
  double top = -INFINITY;
  for (double v : values) {
    if (!std::isnan(v)) top = std::max(top, v);
  }
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i]) && top - values[i] <= kTieTolerance) out.push_back(i);
  }
  return out;
}

// Per-vertex values against reference key `key` to kTolerance. A null (NaN) reference value
// must be NaN here too. Also checks the set of vertices within 1e-9 of the maximum against
// the reference's "argmax" list, so rank-based answers ("who is most central") agree
// including ties: where NetworkX has several maxima we must have the same several.
void ExpectMatches(std::span<const double> actual, const ReferenceGraph& ref,
                   const std::string& key, const std::string& label) {
  const std::string what = ref.name + " " + key + (label.empty() ? "" : " [" + label + "]");
  const std::vector<double>& expected = ref.Values(key);
  ASSERT_EQ(actual.size(), expected.size()) << what;
  double worst = 0;
  for (uint32_t v = 0; v < expected.size(); ++v) {
    const double d = Deviation(actual[v], expected[v]);
    worst = std::max(worst, d);
    EXPECT_LE(d, kTolerance) << what << ": vertex " << v << " (" << ref.vertices[v]
                             << ") ours " << Num(actual[v]) << ", NetworkX "
                             << Num(expected[v]);
  }
  NoteDeviation(what, worst);
  EXPECT_EQ(ArgMax(actual), ref.ArgMax(key)) << what << ": vertices at the maximum differ";
}

// Integer-valued results (degrees, core numbers): exact.
template <typename T>
void ExpectExactly(const std::vector<T>& actual, const ReferenceGraph& ref, const std::string& key,
                   const std::string& label) {
  const std::vector<double>& expected = ref.Values(key);
  ASSERT_EQ(actual.size(), expected.size()) << ref.name << " " << key;
  for (uint32_t v = 0; v < expected.size(); ++v) {
    EXPECT_EQ(static_cast<double>(actual[v]), expected[v])
        << ref.name << " " << key << " [" << label << "]: vertex " << v << " ("
        << ref.vertices[v] << ")";
  }
}

void ExpectScalar(double actual, double expected, const std::string& what) {
  const double d = Deviation(actual, expected);
  NoteDeviation(what, d);
  EXPECT_LE(d, kTolerance) << what << ": ours " << Num(actual) << ", NetworkX " << Num(expected);
}

// ------------------------------------------------------------------------- fixtures

// Base: loads the parameter's reference (or fails with the reason, e.g. the install hint).
class NetworkxTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const CacheEntry& entry = Cached(GetParam());
    ASSERT_NE(entry.fixture, nullptr) << entry.error;
    f_ = entry.fixture.get();
  }
  const ReferenceGraph& ref() const { return f_->ref; }

  // The inputs an unweighted comparison runs on: the weightless CSR, and for a weighted
  // graph also the weighted CSR with the algorithm told to ignore weights (what the engine
  // does when a snapshot carries weights but the caller asks for hops).
  struct Input {
    std::string label;
    const CsrGraph* graph;
  };
  std::vector<Input> UnweightedInputs() const {
    std::vector<Input> in = {{"no weights stored", &f_->plain}};
    if (ref().weighted) in.push_back({"weights stored, ignored", &f_->weighted});
    return in;
  }

  const Fixture* f_ = nullptr;
};

// Unweighted comparisons, on every graph.
class NetworkxUnweightedTest : public NetworkxTest {};
// Weighted comparisons (the *_weighted keys): only graphs with edge weights.
class NetworkxWeightedTest : public NetworkxTest {
 protected:
  void SetUp() override {
    NetworkxTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(ref().weighted) << ref().name << " is instantiated as weighted but has no weights";
    ASSERT_TRUE(f_->weighted.weighted());
  }
};
// Two-mode comparisons (the bipartite_* keys and two_mode.*): only two-mode graphs.
class NetworkxTwoModeTest : public NetworkxTest {
 protected:
  void SetUp() override {
    NetworkxTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(ref().two_mode) << ref().name << " is instantiated as two-mode but is not";
  }
};

std::string Name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

INSTANTIATE_TEST_SUITE_P(Graphs, NetworkxUnweightedTest,
                         ::testing::Values("karate", "davis", "florentine"), Name);
INSTANTIATE_TEST_SUITE_P(Graphs, NetworkxWeightedTest, ::testing::Values("karate"), Name);
INSTANTIATE_TEST_SUITE_P(Graphs, NetworkxTwoModeTest, ::testing::Values("davis"), Name);

// ------------------------------------------------------------------ the reference itself

// Pins the test's coverage: every result the script writes is compared by some test in
// this file (so a new reference key cannot go unchecked unnoticed), and the weighted /
// two-mode keys exist exactly for the graphs instantiated as weighted / two-mode.
TEST_P(NetworkxUnweightedTest, EveryReferenceResultIsCompared) {
  static const std::set<std::string> kCompared = {
      "degree", "weighted_degree", "degree_centrality",
      "betweenness_centrality", "betweenness_centrality_unnormalized",
      "betweenness_centrality_weighted", "betweenness_centrality_weighted_unnormalized",
      "closeness_centrality", "closeness_centrality_weighted",
      "harmonic_centrality", "harmonic_centrality_weighted",
      "eigenvector_centrality", "eigenvector_centrality_exact",
      "eigenvector_centrality_weighted", "eigenvector_centrality_weighted_exact",
      "pagerank", "pagerank_exact", "pagerank_weighted", "pagerank_weighted_exact",
      "core_number", "clustering", "clustering_weighted", "constraint", "constraint_weighted",
      "effective_size", "effective_size_weighted", "component", "component_count",
      "articulation_points", "bridges", "cliques", "louvain.unweighted", "louvain.weighted",
      "shortest_paths", "bipartite_degree_centrality", "bipartite_betweenness_centrality",
      "bipartite_closeness_centrality", "bipartite_closeness_centrality_unnormalized",
      "two_mode.projection_top", "two_mode.projection_bottom", "two_mode.overlap_top",
      "two_mode.overlap_bottom"};
  for (const auto& [key, meta] : ref().document.at("results").items()) {
    EXPECT_TRUE(kCompared.count(key)) << "reference result '" << key << "' is not compared";
    const bool weighted_key = key.find("weighted") != std::string::npos &&
                              key.find("unweighted") == std::string::npos;
    if (weighted_key) {
      EXPECT_TRUE(ref().weighted) << key;
    }
    if (key.starts_with("bipartite_") || key.starts_with("two_mode.")) {
      EXPECT_TRUE(ref().two_mode) << key;
    }
  }
  EXPECT_EQ(ref().weighted, ref().name == "karate");
  EXPECT_EQ(ref().two_mode, ref().name == "davis");
  // None of the three graphs has an isolated vertex, so no reference value is null (NaN);
  // the NaN path of the comparison (constraint / effective size of isolated vertices) is
  // exercised by the bundled data in analytics_procedures_test and by the unit tests.
  EXPECT_TRUE(ref().isolated.empty());
}

// ------------------------------------------------------------------- centrality

// Unweighted: G.degree() exactly, and degree/(n-1) (nx.degree_centrality).
// Ties: many vertices share a degree; the argmax check covers them (karate 33 unique).
TEST_P(NetworkxUnweightedTest, DegreeCentrality) {
  for (const auto& in : UnweightedInputs()) {
    ExpectExactly(VertexDegrees(*in.graph, DegreeKind::kTotal, false), ref(), "degree", in.label);
    ExpectMatches(DegreeCentrality(*in.graph, {.weighted = false}), ref(), "degree_centrality",
                  in.label);
  }
}

// Weighted: G.degree(weight='weight') (strength). NetworkX has no weighted
// degree_centrality; ours is strength/(n-1), checked against weighted_degree/(n-1).
TEST_P(NetworkxWeightedTest, WeightedDegree) {
  const CsrGraph& g = f_->weighted;
  ExpectExactly(VertexDegrees(g, DegreeKind::kTotal, true), ref(), "weighted_degree", "");
  const std::vector<double> ours = DegreeCentrality(g, {.weighted = true});
  const std::vector<double>& strength = ref().Values("weighted_degree");
  ASSERT_EQ(ours.size(), strength.size());
  for (size_t v = 0; v < ours.size(); ++v) {
    EXPECT_NEAR(ours[v], strength[v] / (ref().vertex_count() - 1), kTolerance) << v;
  }
}

// Unweighted Brandes betweenness, normalized (by (n-1)(n-2)/2) and not (undirected pair
// sums halved), endpoints excluded. Ties: many vertices have exactly 0 (karate: 12;
// florentine: Acciaiuoli, Ginori, Lamberteschi, Pazzi); davis ties E13/E14 and Flora
// Price/Olivia Carleton. Values are unambiguous; only rankings would need the tie groups.
TEST_P(NetworkxUnweightedTest, Betweenness) {
  for (const auto& in : UnweightedInputs()) {
    ExpectMatches(BetweennessCentrality(*in.graph, {.normalized = true, .weighted = false}), ref(),
                  "betweenness_centrality", in.label);
    ExpectMatches(BetweennessCentrality(*in.graph, {.normalized = false, .weighted = false}),
                  ref(), "betweenness_centrality_unnormalized", in.label);
  }
}

// Weighted betweenness: weights are DISTANCES (Dijkstra), as NetworkX's weight='weight'.
// Karate's integer weights make path lengths exact, so which paths tie is not a rounding
// question on either side.
TEST_P(NetworkxWeightedTest, Betweenness) {
  const CsrGraph& g = f_->weighted;
  ExpectMatches(BetweennessCentrality(g, {.normalized = true, .weighted = true}), ref(),
                "betweenness_centrality_weighted", "");
  ExpectMatches(BetweennessCentrality(g, {.normalized = false, .weighted = true}), ref(),
                "betweenness_centrality_weighted_unnormalized", "");
}

// Unweighted closeness with the Wasserman-Faust scaling (wf_improved=True, NetworkX's
// default) and harmonic centrality (sum of 1/d, not normalised).
TEST_P(NetworkxUnweightedTest, ClosenessAndHarmonic) {
  for (const auto& in : UnweightedInputs()) {
    ExpectMatches(ClosenessCentrality(*in.graph, {.wf_improved = true, .weighted = false}), ref(),
                  "closeness_centrality", in.label);
    ExpectMatches(HarmonicCentrality(*in.graph, {.weighted = false}), ref(),
                  "harmonic_centrality", in.label);
  }
}

// Weighted closeness and harmonic: weights as distances (distance='weight').
TEST_P(NetworkxWeightedTest, ClosenessAndHarmonic) {
  const CsrGraph& g = f_->weighted;
  ExpectMatches(ClosenessCentrality(g, {.wf_improved = true, .weighted = true}), ref(),
                "closeness_centrality_weighted", "");
  ExpectMatches(HarmonicCentrality(g, {.weighted = true}), ref(), "harmonic_centrality_weighted",
                "");
}

// Eigenvector centrality (power iteration on A+I, unit 2-norm) run with NetworkX's
// settings here (max_iter 10000, tol 1e-12), compared with nx.eigenvector_centrality and
// with the exact eigenvector (numpy eigh) the iteration converges to. Davis is bipartite:
// the +I shift is what makes it converge there. Ties: karate 4/10, 5/6, 17/21 and
// 14/15/18/20/22; davis E13/E14 and Flora Price/Olivia Carleton (equal up to rounding).
void CheckEigenvector(const CsrGraph& g, bool weighted, const ReferenceGraph& ref,
                      const std::string& label) {
  const std::string key = weighted ? "eigenvector_centrality_weighted" : "eigenvector_centrality";
  EigenvectorCentralityResult r =
      EigenvectorCentrality(g, {.max_iterations = 10000, .tolerance = 1e-12, .weighted = weighted});
  EXPECT_TRUE(r.converged) << ref.name << " " << key << " after " << r.iterations;
  ExpectMatches(r.scores, ref, key, label);
  ExpectMatches(r.scores, ref, key + "_exact", label);
}

// Unweighted eigenvector centrality (weight=None).
TEST_P(NetworkxUnweightedTest, Eigenvector) {
  for (const auto& in : UnweightedInputs()) CheckEigenvector(*in.graph, false, ref(), in.label);
}

// Weighted eigenvector centrality (weight='weight': weights scale contributions).
TEST_P(NetworkxWeightedTest, Eigenvector) { CheckEigenvector(f_->weighted, true, ref(), "weights used"); }

// PageRank, alpha 0.85, uniform teleport, tol 1e-12 (NetworkX 2.8's pagerank_scipy), against
// nx.pagerank and against the linear-solve stationary vector. Same ties as eigenvector.
void CheckPageRank(const CsrGraph& g, bool weighted, const ReferenceGraph& ref,
                   const std::string& label) {
  const std::string key = weighted ? "pagerank_weighted" : "pagerank";
  PageRankResult r = PageRank(
      g, {.damping = 0.85, .tolerance = 1e-12, .max_iterations = 10000, .weighted = weighted});
  EXPECT_TRUE(r.converged) << ref.name << " " << key << " after " << r.iterations;
  ExpectMatches(r.scores, ref, key, label);
  ExpectMatches(r.scores, ref, key + "_exact", label);
}

// Unweighted PageRank (weight=None; note our PageRankOptions default is weighted).
TEST_P(NetworkxUnweightedTest, PageRank) {
  for (const auto& in : UnweightedInputs()) CheckPageRank(*in.graph, false, ref(), in.label);
}

// Weighted PageRank (weight='weight': walk proportional to weight / strength).
TEST_P(NetworkxWeightedTest, PageRank) { CheckPageRank(f_->weighted, true, ref(), "weights used"); }

// ------------------------------------------------------------------- structure

// Unweighted core numbers (nx.core_number), exactly.
TEST_P(NetworkxUnweightedTest, CoreNumbers) {
  for (const auto& in : UnweightedInputs()) {
    ExpectExactly(CoreNumbers(*in.graph), ref(), "core_number", in.label);
  }
}

// Unweighted connected components: same partition and count. Our labels are 0..k-1 by
// smallest member, the reference's are the smallest member itself; mapped before comparing.
TEST_P(NetworkxUnweightedTest, ConnectedComponents) {
  for (const auto& in : UnweightedInputs()) {
    ComponentLabels cc = ConnectedComponents(*in.graph);
    EXPECT_EQ(static_cast<int>(cc.count), ref().component_count) << in.label;
    std::vector<double> smallest(cc.count, INFINITY);
    for (uint32_t v = 0; v < cc.component.size(); ++v) {
      smallest[cc.component[v]] = std::min<double>(smallest[cc.component[v]], v);
    }
    std::vector<double> labels;
    for (VertexIndex c : cc.component) labels.push_back(smallest[c]);
    ExpectExactly(labels, ref(), "component", in.label);
  }
}

// Unweighted articulation points and bridges (nx.articulation_points / nx.bridges), exactly.
// Karate: vertex 0, bridge 0-11; davis: none (biconnected); florentine: Albizzi, Guadagni,
// Medici, Salviati and five bridges (to the leaves Acciaiuoli, Ginori, Lamberteschi, Pazzi,
// and Medici-Salviati).
TEST_P(NetworkxUnweightedTest, ArticulationPointsAndBridges) {
  for (const auto& in : UnweightedInputs()) {
    absl::StatusOr<BiconnectedStructure> s = FindBiconnectedStructure(*in.graph);
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(s->articulation_points, ref().articulation_points) << in.label;
    EXPECT_EQ(s->bridges, ref().bridges) << in.label;
  }
}

// Unweighted maximal cliques (nx.find_cliques), the exact set (both sides sorted).
// Davis has no triangles, so its cliques are exactly its 89 edges.
TEST_P(NetworkxUnweightedTest, MaximalCliques) {
  for (const auto& in : UnweightedInputs()) {
    MaximalCliqueResult r = FindMaximalCliques(*in.graph);
    EXPECT_FALSE(r.truncated);
    EXPECT_EQ(r.cliques, ref().cliques) << in.label;
  }
}

// Unweighted all_shortest_paths for the script's fixed pairs (karate 0-33 and 16-25, davis
// E1-E14 and Evelyn Jefferson-Flora Price, florentine Pazzi-Lamberteschi and
// Acciaiuoli-Strozzi): every path, in lexicographic order, and the hop length.
// Weighted: the same pairs with Dijkstra on the weights (karate only; integer weights, so
// equal-length paths tie exactly on both sides).
void CheckShortestPaths(const CsrGraph& g, bool weighted, const ReferenceGraph& ref,
                        const std::string& label) {
  int checked = 0;
  for (const ReferenceGraph::ShortestPaths& sp : ref.shortest_paths) {
    if (sp.weighted != weighted) continue;
    ++checked;
    const std::string what = ref.name + " " + ref.vertices[sp.source] + " -> " +
                             ref.vertices[sp.target] + (weighted ? " weighted" : " hops") +
                             " [" + label + "]";
    ShortestPathOptions options{.use_weights = weighted, .max_paths = 1000000};
    auto paths = AllShortestPaths(g, sp.source, sp.target, options);
    ASSERT_TRUE(paths.ok()) << what << ": " << paths.status();
    EXPECT_EQ(*paths, sp.paths) << what;
    auto dist = ShortestPathDistances(g, sp.source, options);
    ASSERT_TRUE(dist.ok()) << what << ": " << dist.status();
    ASSERT_TRUE(sp.length.has_value()) << what << " is unreachable in the reference";
    EXPECT_EQ((*dist)[sp.target], *sp.length) << what;
  }
  EXPECT_EQ(checked, 2) << ref.name << ": expected the script's two pairs";
}

TEST_P(NetworkxUnweightedTest, AllShortestPaths) {
  for (const auto& in : UnweightedInputs()) CheckShortestPaths(*in.graph, false, ref(), in.label);
}

TEST_P(NetworkxWeightedTest, AllShortestPaths) {
  CheckShortestPaths(f_->weighted, true, ref(), "weights used");
}

// ------------------------------------------------------------------- cohesion

// Unweighted local clustering (nx.clustering). Davis is bipartite: 0 everywhere (then every
// vertex is at the maximum, so the argmax check compares all of them).
TEST_P(NetworkxUnweightedTest, Clustering) {
  for (const auto& in : UnweightedInputs()) {
    ExpectMatches(LocalClustering(*in.graph, {.weighted = false}), ref(), "clustering", in.label);
  }
}

// Weighted clustering: geometric mean of w/max(w) over each triangle (Onnela et al.).
TEST_P(NetworkxWeightedTest, Clustering) {
  ExpectMatches(LocalClustering(f_->weighted, {.weighted = true}), ref(), "clustering_weighted",
                "");
}

// Unweighted Burt constraint and effective size (Borgatti's n - 2t/n). NaN handling as the
// reference documents: NetworkX's NaN for an isolated vertex is null there and must be NaN
// here; these graphs have no isolated vertex (see EveryReferenceResultIsCompared), so every
// value is a number on both sides.
TEST_P(NetworkxUnweightedTest, StructuralHoles) {
  for (const auto& in : UnweightedInputs()) {
    ExpectMatches(Constraint(*in.graph, {.weighted = false}), ref(), "constraint", in.label);
    ExpectMatches(EffectiveSize(*in.graph, {.weighted = false}), ref(), "effective_size",
                  in.label);
  }
}

// Weighted constraint and effective size (weight='weight': proportional tie strengths and
// Burt's redundancy with m(v,w) = w(v,w) / v's strongest tie). Same NaN rule as above.
TEST_P(NetworkxWeightedTest, StructuralHoles) {
  ExpectMatches(Constraint(f_->weighted, {.weighted = true}), ref(), "constraint_weighted", "");
  ExpectMatches(EffectiveSize(f_->weighted, {.weighted = true}), ref(), "effective_size_weighted",
                "");
}

// Louvain. Randomised, so the partition itself is not compared (different seeds reach the
// same best modularity with different partitions, see the script's header). What is pinned:
//  - Modularity() of the reference's best partition reproduces NetworkX's best modularity
//    (nx.community.modularity, same weighting);
//  - our Louvain's modularity, best over seeds 0..9 as the reference, is within 1% of
//    NetworkX's best (and our reported modularity equals Modularity() of our partition).
//  - karate only: our run for each seed 0..9 reaches NetworkX's modularity for that seed.
//    Our shuffle reproduces Python's random.shuffle of the vertex order, so a seed visits
//    vertices as NetworkX does WHEN NetworkX's node order is 0..n-1. That holds for karate
//    (nodes 0..33 in order); the script keeps davis' and florentine's insertion order
//    (e.g. Acciaiuoli, Medici, Castellani, ...), not the sorted vertex order, so there the
//    same seed shuffles a different list and per-seed values legitimately differ (run on a
//    sorted-order copy, NetworkX gives our per-seed values on both). Printed, not checked.
void CheckLouvain(const CsrGraph& g, bool weighted, const ReferenceGraph& ref,
                  const std::string& label) {
  const std::string key = weighted ? "weighted" : "unweighted";
  ASSERT_EQ(ref.louvain.count(key), 1u) << ref.name << " has no louvain." << key;
  const ReferenceGraph::Louvain& nx = ref.louvain.at(key);
  const std::string what = ref.name + " louvain." + key + " [" + label + "]";

  ExpectScalar(Modularity(g, nx.partition, {.resolution = 1.0, .weighted = weighted}),
               nx.best_modularity, what + " Modularity(reference partition)");

  double best = -INFINITY;
  uint64_t best_seed = 0;
  int same_as_nx = 0;
  std::string per_seed;
  for (uint64_t seed = 0; seed < nx.modularity_by_seed.size(); ++seed) {
    LouvainResult r =
        Louvain(g, {.resolution = 1.0, .threshold = 1e-7, .seed = seed, .weighted = weighted});
    ExpectScalar(r.modularity,
                 Modularity(g, r.community, {.resolution = 1.0, .weighted = weighted}),
                 what + " reported == Modularity(own partition)");
    if (std::abs(r.modularity - nx.modularity_by_seed[seed]) <= 1e-12) ++same_as_nx;
    if (ref.name == "karate") {
      ExpectScalar(r.modularity, nx.modularity_by_seed[seed],
                   what + " seed " + std::to_string(seed));
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, " %.5f", r.modularity);
    per_seed += buf;
    if (r.modularity > best) best = r.modularity, best_seed = seed;
  }
  EXPECT_GE(best, nx.best_modularity * 0.99)
      << what << ": ours " << Num(best) << " (seed " << best_seed << "), NetworkX best "
      << Num(nx.best_modularity) << " (seed " << nx.best_seed << ")";
  std::printf("[ Louvain  ] %s: ours best %.6f (seed %llu), NetworkX best %.6f (seed %d); "
              "%d/10 seeds equal NetworkX's; ours by seed:%s\n",
              what.c_str(), best, static_cast<unsigned long long>(best_seed), nx.best_modularity,
              nx.best_seed, same_as_nx, per_seed.c_str());
}

// Unweighted Louvain (weight=None in both louvain_communities and modularity).
TEST_P(NetworkxUnweightedTest, Louvain) {
  for (const auto& in : UnweightedInputs()) CheckLouvain(*in.graph, false, ref(), in.label);
}

// Weighted Louvain (weight='weight').
TEST_P(NetworkxWeightedTest, Louvain) { CheckLouvain(f_->weighted, true, ref(), "weights used"); }

// ------------------------------------------------------------------- two-mode

// Unweighted two-mode centralities (nx.bipartite.*, top = the women): degree over the other
// side's size, betweenness over the Borgatti-Halgin side maximum, closeness normalized and
// not. E8 is the unique argmax of each; E13/E14 and Flora Price/Olivia Carleton tie.
TEST_P(NetworkxTwoModeTest, Centralities) {
  const CsrGraph& g = f_->plain;
  ExpectMatches(TwoModeDegreeCentrality(g, f_->is_top), ref(), "bipartite_degree_centrality", "");
  ExpectMatches(TwoModeBetweennessCentrality(g, f_->is_top), ref(),
                "bipartite_betweenness_centrality", "");
  ExpectMatches(TwoModeClosenessCentrality(g, f_->is_top, {.normalized = true}), ref(),
                "bipartite_closeness_centrality", "");
  ExpectMatches(TwoModeClosenessCentrality(g, f_->is_top, {.normalized = false}), ref(),
                "bipartite_closeness_centrality_unnormalized", "");
}

// Unweighted input, weighted output: nx.bipartite.weighted_projected_graph of each side
// (ratio=False, weight = number of shared neighbours), edge lists compared exactly after
// mapping projected vertices back to the original numbering. Every projected vertex of
// davis has some tie, but vertices sharing nothing would stay (isolated) on both sides.
TEST_P(NetworkxTwoModeTest, WeightedProjections) {
  for (bool top : {true, false}) {
    TwoModeProjection p = ProjectTwoMode(f_->plain, f_->is_top, {.project_top = top});
    const std::vector<uint32_t>& side = top ? ref().top_side : ref().bottom_side;
    EXPECT_EQ(p.original_vertex, side) << (top ? "top" : "bottom");
    std::vector<std::tuple<uint32_t, uint32_t, double>> ours, expected;
    for (VertexIndex a = 0; a < p.graph.vertex_count(); ++a) {
      auto nbrs = p.graph.out_neighbors(a);
      auto weights = p.graph.out_weights(a);
      ASSERT_EQ(weights.size(), nbrs.size()) << "projection must be weighted";
      for (size_t i = 0; i < nbrs.size(); ++i) {
        const uint32_t u = p.original_vertex[a], v = p.original_vertex[nbrs[i]];
        if (u < v) ours.emplace_back(u, v, weights[i]);
      }
    }
    std::sort(ours.begin(), ours.end());
    for (const auto& e : top ? ref().projection_top : ref().projection_bottom) {
      expected.emplace_back(e.u, e.v, e.weight);
    }
    EXPECT_EQ(ours, expected) << (top ? "top" : "bottom") << " projection";
  }
}

// Unweighted pair overlaps of every same-side pair sharing >= 1 neighbour, both sides:
// shared count and common neighbours exactly, Jaccard (= nx.jaccard_coefficient), overlap
// coefficient and cosine to the tolerance. The set of pairs must be the same too.
TEST_P(NetworkxTwoModeTest, PairOverlaps) {
  for (bool top : {true, false}) {
    const std::string side = top ? "top" : "bottom";
    OverlapResult r = OverlapSimilarity(
        f_->plain, f_->is_top,
        {.compare_top = top, .min_shared = 1, .list_shared = ref().vertex_count()});
    const auto& expected = top ? ref().overlap_top : ref().overlap_bottom;
    EXPECT_EQ(r.matching_pairs, expected.size()) << side;
    std::vector<OverlapPair> ours = r.pairs;
    std::sort(ours.begin(), ours.end(),
              [](const OverlapPair& x, const OverlapPair& y) {
                return std::pair(x.a, x.b) < std::pair(y.a, y.b);
              });
    ASSERT_EQ(ours.size(), expected.size()) << side;
    for (size_t i = 0; i < ours.size(); ++i) {
      const OverlapPair& o = ours[i];
      const ReferenceGraph::PairOverlap& e = expected[i];
      const std::string what = "overlap_" + side + " " + ref().vertices[e.u] + " / " +
                               ref().vertices[e.v];
      ASSERT_EQ(std::pair(o.a, o.b), std::pair(e.u, e.v)) << what;
      EXPECT_EQ(static_cast<int>(o.shared), e.shared) << what;
      EXPECT_EQ(o.shared_neighbors, e.common) << what;
      ExpectScalar(o.jaccard, e.jaccard, ref().name + " overlap_" + side + " jaccard");
      ExpectScalar(o.overlap, e.overlap, ref().name + " overlap_" + side + " overlap");
      ExpectScalar(o.cosine, e.cosine, ref().name + " overlap_" + side + " cosine");
    }
  }
}

}  // namespace
}  // namespace alliance::analytics

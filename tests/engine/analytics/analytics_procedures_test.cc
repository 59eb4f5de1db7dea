// The algo.* procedures through the public API on the bundled dataset: the
// answers FACTS.md asks for, every two-mode score equal to NetworkX's, write-
// back that obeys the schema and is atomic, and clear configuration errors.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "alliance/database.h"
#include "alliance/default_database.h"
#include "alliance/generator.h"
#include "tests/engine/analytics/reference_graph.h"
#include "tests/temp_dir.h"

namespace alliance {
namespace {

namespace fs = std::filesystem;

class AnalyticsProceduresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALLIANCEDB_DATA_DIR", ALLIANCE_TEST_DATA_DIR, 1);
    auto db = OpenOrCreateBundled(dir_.Sub("default"), /*read_only=*/false);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }
  QueryResult Run(const std::string& query) {
    auto result = db_->Execute(query);
    EXPECT_TRUE(result.ok()) << query << "\n" << result.status();
    return result.ok() ? *std::move(result) : QueryResult{};
  }
  static std::string Name(const Value& node) { return node.as_node().Property("name").as_string(); }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

// FACTS.md: KAIST is the organisation with the highest two-mode betweenness.
TEST_F(AnalyticsProceduresTest, KaistBrokersMostAmongOrganisations) {
  QueryResult r = Run(
      "CALL algo.twoMode.betweenness() YIELD node, score "
      "WHERE 'Organisation' IN labels(node) RETURN node.name ORDER BY score DESC LIMIT 1");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][0].as_string(), "KAIST");
}

// FACTS.md: NC AI and Naver Cloud consortia share KAIST and Korea University.
TEST_F(AnalyticsProceduresTest, OverlapListsSharedMembers) {
  QueryResult r = Run(
      "CALL algo.overlap() YIELD a, b, shared, jaccard, overlap, cosine, sharedMembers "
      "WHERE ((a.name = 'NC AI Consortium' AND b.name = 'Naver Cloud Consortium') OR "
      "       (b.name = 'NC AI Consortium' AND a.name = 'Naver Cloud Consortium')) "
      "RETURN shared, jaccard, overlap, cosine, [m IN sharedMembers | m.name] AS members");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][0].as_int(), 2);
  std::set<std::string> members;
  for (const Value& m : r.rows[0][4].as_list()) members.insert(m.as_string());
  EXPECT_EQ(members, (std::set<std::string>{"KAIST", "Korea University"}));
  // NC AI has 7 members and Naver Cloud 10 (FACTS.md): 2/15, 2/7, 2/sqrt(70).
  EXPECT_NEAR(r.rows[0][1].as_double(), 2.0 / 15, 1e-12);
  EXPECT_NEAR(r.rows[0][2].as_double(), 2.0 / 7, 1e-12);
  EXPECT_NEAR(r.rows[0][3].as_double(), 2.0 / std::sqrt(70.0), 1e-12);
}

// Rolling affiliates up through PART_OF: KT Consortium shares Korea University
// (through Korea University Medical Center) with NC AI and Naver Cloud; without
// the roll-up it shares nobody with them.
TEST_F(AnalyticsProceduresTest, RollUpCountsAffiliatesAsTheirParent) {
  auto kt_pairs = [&](const std::string& config) {
    std::map<std::string, std::set<std::string>> out;
    QueryResult r = Run("CALL algo.overlap(" + config +
                        ") YIELD a, b, sharedMembers "
                        "WHERE a.name = 'KT Consortium' OR b.name = 'KT Consortium' "
                        "RETURN CASE a.name WHEN 'KT Consortium' THEN b.name ELSE a.name END, "
                        "[m IN sharedMembers | m.name]");
    for (const auto& row : r.rows) {
      for (const Value& m : row[1].as_list()) out[row[0].as_string()].insert(m.as_string());
    }
    return out;
  };
  EXPECT_TRUE(kt_pairs("{}").empty());
  auto rolled = kt_pairs("{rollUp: 'PART_OF'}");
  EXPECT_EQ(rolled.size(), 2u);
  EXPECT_EQ(rolled["NC AI Consortium"], std::set<std::string>{"Korea University"});
  EXPECT_EQ(rolled["Naver Cloud Consortium"], std::set<std::string>{"Korea University"});
}

// Runs the NetworkX reference script on the bundled data (fails when Debian's
// python3-networkx is missing: tools/setup/install-deps.sh installs it).
testing::ReferenceGraph BundledReference(const testing::TempDir& dir) {
  const std::string script =
      (fs::path(__FILE__).parent_path() / "reference" / "networkx_reference.py").string();
  const std::string out = dir.Sub("bundled.json");
  const std::string cmd = "/usr/bin/python3 '" + script + "' --bundled '" +
                          std::string(ALLIANCE_TEST_DATA_DIR) + "' --out '" + out + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0)
      << cmd << " failed: run tools/setup/install-deps.sh (python3-networkx, python3-scipy)";
  return testing::ReferenceGraph::Load(out);
}

// Every vertex's two-mode degree, betweenness and closeness, and its plain
// (unweighted) betweenness on the membership graph, equal NetworkX's to 1e-9.
TEST_F(AnalyticsProceduresTest, MembershipScoresMatchNetworkx) {
  testing::ReferenceGraph ref = BundledReference(dir_);
  const std::map<std::string, std::string> procedures = {
      {"algo.twoMode.degree()", "bipartite_degree_centrality"},
      {"algo.twoMode.betweenness()", "bipartite_betweenness_centrality"},
      {"algo.twoMode.closeness()", "bipartite_closeness_centrality"},
      {"algo.betweenness({nodeLabels: ['Organisation', 'Consortium'], "
       "relationshipTypes: ['MEMBER_OF']})",
       "betweenness_centrality"},
      {"algo.closeness({nodeLabels: ['Organisation', 'Consortium'], "
       "relationshipTypes: ['MEMBER_OF']})",
       "closeness_centrality"},
  };
  for (const auto& [call, key] : procedures) {
    QueryResult r = Run("CALL " + call + " YIELD node, score RETURN node.name, score");
    ASSERT_EQ(r.rows.size(), ref.vertex_count()) << call;
    const std::vector<double>& expected = ref.Values(key);
    for (const auto& row : r.rows) {
      const uint32_t v = ref.VertexIndex(row[0].as_string());
      EXPECT_NEAR(row[1].as_double(), expected[v], 1e-9) << call << " " << row[0].as_string();
    }
  }
}

// Every other per-node procedure, and the brokers, on the membership graph
// equal NetworkX's answers (unweighted; eigenvector and PageRank at NetworkX's
// reference tolerance). Component ids are compared as partitions.
TEST_F(AnalyticsProceduresTest, StructureProceduresMatchNetworkx) {
  testing::ReferenceGraph ref = BundledReference(dir_);
  const std::string membership =
      "nodeLabels: ['Organisation', 'Consortium'], relationshipTypes: ['MEMBER_OF']";
  const std::map<std::string, std::string> procedures = {
      {"algo.degree({" + membership + "}) YIELD node, score", "degree_centrality"},
      {"algo.harmonic({" + membership + "}) YIELD node, score", "harmonic_centrality"},
      {"algo.eigenvector({" + membership + ", tolerance: 1e-12, maxIterations: 10000}) "
       "YIELD node, score",
       "eigenvector_centrality"},
      {"algo.pageRank({" + membership + ", tolerance: 1e-12, maxIterations: 10000}) "
       "YIELD node, score",
       "pagerank"},
      {"algo.kCore({" + membership + "}) YIELD node, coreNumber AS score", "core_number"},
      {"algo.clustering({" + membership + "}) YIELD node, coefficient AS score", "clustering"},
      {"algo.constraint({" + membership + "}) YIELD node, score", "constraint"},
      {"algo.effectiveSize({" + membership + "}) YIELD node, effectiveSize AS score",
       "effective_size"},
  };
  for (const auto& [call, key] : procedures) {
    QueryResult r = Run("CALL " + call + " RETURN node.name, score");
    ASSERT_EQ(r.rows.size(), ref.vertex_count()) << call;
    const std::vector<double>& expected = ref.Values(key);
    for (const auto& row : r.rows) {
      const uint32_t v = ref.VertexIndex(row[0].as_string());
      const double got = row[1].type() == Value::Type::kInt
                             ? static_cast<double>(row[1].as_int())
                             : row[1].as_double();
      if (std::isnan(expected[v])) {
        EXPECT_TRUE(std::isnan(got)) << call << " " << row[0].as_string();
      } else {
        EXPECT_NEAR(got, expected[v], 1e-9) << call << " " << row[0].as_string();
      }
    }
  }
  // Components: two vertices share an id exactly when NetworkX puts them together.
  QueryResult components =
      Run("CALL algo.components({" + membership + "}) YIELD node, componentId "
          "RETURN node.name, componentId");
  ASSERT_EQ(components.rows.size(), ref.vertex_count());
  const std::vector<double>& label = ref.Values("component");
  for (const auto& x : components.rows) {
    for (const auto& y : components.rows) {
      EXPECT_EQ(x[1].as_int() == y[1].as_int(),
                label[ref.VertexIndex(x[0].as_string())] == label[ref.VertexIndex(y[0].as_string())])
          << x[0].as_string() << " / " << y[0].as_string();
    }
  }
  std::set<std::string> points, expected_points;
  for (const auto& row :
       Run("CALL algo.articulationPoints({" + membership + "}) YIELD node RETURN node.name").rows) {
    points.insert(row[0].as_string());
  }
  for (uint32_t v : ref.articulation_points) expected_points.insert(ref.vertices[v]);
  EXPECT_EQ(points, expected_points);
  std::set<std::pair<std::string, std::string>> bridges, expected_bridges;
  for (const auto& row : Run("CALL algo.bridges({" + membership +
                             "}) YIELD source, target RETURN source.name, target.name")
                             .rows) {
    bridges.insert(std::minmax(row[0].as_string(), row[1].as_string()));
  }
  for (auto [a, b] : ref.bridges) expected_bridges.insert(std::minmax(ref.vertices[a], ref.vertices[b]));
  EXPECT_EQ(bridges, expected_bridges);
  EXPECT_FALSE(bridges.empty());
}

// Writing scores needs a declared property under the enforced schema; the
// failed call writes nothing, and once declared every node gets its score,
// the same as the stream form, in one commit.
TEST_F(AnalyticsProceduresTest, WriteBackObeysSchemaAndIsAtomic) {
  const std::string write =
      "CALL algo.pageRank.write({nodeLabels: ['Organisation', 'Consortium'], "
      "relationshipTypes: ['MEMBER_OF'], writeProperty: 'pagerank'}) "
      "YIELD nodePropertiesWritten RETURN nodePropertiesWritten";
  auto refused = db_->Execute(write);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("pagerank"), std::string::npos) << refused.status();
  EXPECT_TRUE(Run("MATCH (n) WHERE n.pagerank IS NOT NULL RETURN n").rows.empty());

  ASSERT_TRUE(db_->AddProperty("Organisation", {"pagerank", "double", false}).ok());
  ASSERT_TRUE(db_->AddProperty("Consortium", {"pagerank", "double", false}).ok());
  QueryResult written = Run(write);
  ASSERT_EQ(written.rows.size(), 1u);
  EXPECT_EQ(written.rows[0][0].as_int(), 47);
  QueryResult streamed =
      Run("CALL algo.pageRank({nodeLabels: ['Organisation', 'Consortium'], "
          "relationshipTypes: ['MEMBER_OF']}) YIELD node, score RETURN node.name, score, "
          "node.pagerank");
  ASSERT_EQ(streamed.rows.size(), 47u);
  double sum = 0;
  for (const auto& row : streamed.rows) {
    EXPECT_EQ(row[1].as_double(), row[2].as_double()) << row[0].as_string();
    sum += row[1].as_double();
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

// Mistyped keys, labels outside the selection and unknown labels fail with the
// procedure's name and the reason; nothing runs.
// project: a per-node procedure runs on the organisation projection of the
// membership graph: every organisation's degree and strength there equal the
// edge count and summed weights of NetworkX's weighted_projected_graph, and
// misused keys are named.
TEST_F(AnalyticsProceduresTest, ProjectRunsOnTheOrganisationProjection) {
  testing::ReferenceGraph ref = BundledReference(dir_);
  ASSERT_TRUE(ref.two_mode);
  std::vector<double> strength(ref.vertex_count(), 0), degree(ref.vertex_count(), 0);
  for (const auto& e : ref.projection_top) {
    strength[e.u] += e.weight;
    strength[e.v] += e.weight;
    degree[e.u] += 1;
    degree[e.v] += 1;
  }
  const std::set<uint32_t> organisations(ref.top_side.begin(), ref.top_side.end());
  ASSERT_TRUE(organisations.count(ref.VertexIndex("KAIST")));
  for (bool weighted : {true, false}) {
    QueryResult r = Run(std::string("CALL algo.degree({project: 'Organisation', normalized: false, "
                                    "projectionWeighted: ") +
                        (weighted ? "true" : "false") +
                        "}) YIELD node, score RETURN node.name, score");
    ASSERT_EQ(r.rows.size(), organisations.size());
    for (const auto& row : r.rows) {
      const uint32_t v = ref.VertexIndex(row[0].as_string());
      EXPECT_TRUE(organisations.count(v)) << row[0].as_string();
      EXPECT_EQ(row[1].as_double(), weighted ? strength[v] : degree[v]) << row[0].as_string();
    }
  }
  // KAIST shares a consortium with 9 + 6 + 7 members of its three (FACTS.md).
  QueryResult kaist = Run(
      "CALL algo.degree({project: 'Organisation', projectionWeighted: true, normalized: false, "
      "topK: 1}) YIELD node, score RETURN node.name, score");
  ASSERT_EQ(kaist.rows.size(), 1u);
  EXPECT_EQ(kaist.rows[0][0].as_string(), "KAIST");
  EXPECT_EQ(kaist.rows[0][1].as_double(), 22.0);
  for (const auto& [query, needle] : std::vector<std::pair<std::string, std::string>>{
           {"CALL algo.degree({projectionWeighted: true})", "applies only with project"},
           {"CALL algo.degree({project: 'Model'})", "label 'Model' is not among"},
           {"CALL algo.betweenness({project: 'Organisation', directed: true})", "must be false"},
           {"CALL algo.degree({project: 'Organisation', weightProperty: 'since'})",
            "does not apply with project"}}) {
    auto r = db_->Execute(query);
    ASSERT_FALSE(r.ok()) << query;
    EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status();
  }
}

TEST_F(AnalyticsProceduresTest, ConfigurationErrorsAreClear) {
  auto expect_error = [&](const std::string& query, const std::string& needle) {
    auto r = db_->Execute(query);
    ASSERT_FALSE(r.ok()) << query;
    EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status();
  };
  expect_error("CALL algo.pageRank({dampingFactr: 0.9})", "unknown configuration key 'dampingFactr'");
  expect_error("CALL algo.pageRank({dampingFactor: 2})", "between 0 and 1");
  expect_error("CALL algo.overlap({compare: 'Model'})", "label 'Model' is not among");
  expect_error("CALL algo.degree({nodeLabels: ['Organization']})", "unknown label 'Organization'");
  expect_error("CALL algo.shortestPaths('KAIST', 'Nobody')", "no selected node is called");
}

// All shortest paths between two organisations and the consortia they run
// through; the C++ API reaches the same procedure without Cypher text.
TEST_F(AnalyticsProceduresTest, ShortestPathsNameTheConsortiaBetween) {
  auto result = db_->CallProcedure("algo.shortestPaths",
                                   {Value::String("KAIST"), Value::String("Krafton")});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rows.size(), 1u);
  const auto& row = result->rows[0];
  EXPECT_EQ(row[2].as_int(), 2);
  ASSERT_EQ(row[3].as_list().size(), 1u);
  EXPECT_EQ(Name(row[3].as_list()[0]), "SK Telecom Consortium");
}

// A statement's progress callback hears of the snapshot build; a statement
// cancelled while it builds stops with the cancellation, not a result.
TEST_F(AnalyticsProceduresTest, SnapshotBuildReportsProgressAndStopsWhenCancelled) {
  QueryOptions options;
  std::vector<std::string> steps;
  uint64_t last_done = 0;
  options.progress = [&](std::string_view step, uint64_t done, uint64_t expected) {
    steps.emplace_back(step);
    last_done = done;
    EXPECT_LE(done, expected);
  };
  auto r = db_->Execute("CALL algo.twoMode.degree() YIELD node, score RETURN count(*)", {},
                        options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps.front(), "snapshot");
  EXPECT_GE(last_done, 40u);  // at least one MEMBER_OF entry per member organisation

  std::atomic<bool> cancel{false};
  QueryOptions cancelling;
  cancelling.cancel = &cancel;
  cancelling.progress = [&](std::string_view, uint64_t, uint64_t) { cancel.store(true); };
  // A selection no earlier call used, so the snapshot is built, not taken from the cache.
  auto stopped = db_->Execute(
      "CALL algo.pageRank({nodeLabels: ['Organisation', 'Consortium', 'Model'], "
      "relationshipTypes: ['MEMBER_OF', 'DEVELOPS']}) YIELD node, score RETURN count(*)",
      {}, cancelling);
  EXPECT_TRUE(absl::IsCancelled(stopped.status())) << stopped.status();
}

// Two threads give the scores one thread gives, on a generated graph large
// enough for the parallel paths (sources split, PageRank sweeps in blocks).
TEST_F(AnalyticsProceduresTest, TwoThreadsMatchOne) {
  testing::TempDir dir;
  GeneratorOptions g;
  g.organisations = 3000;
  g.consortia = 300;
  g.seed = 7;
  ASSERT_TRUE(GenerateAllianceGraph(g, dir.Sub("csv")).ok());
  auto db = Database::Open(dir.Sub("db"));
  ASSERT_TRUE(db.ok());
  std::vector<ImportFile> files;
  for (const auto& sub : {"nodes", "edges"}) {
    for (const auto& f : fs::directory_iterator(dir.Sub("csv") + "/" + sub)) {
      files.push_back(ImportFile{f.path().string()});
    }
  }
  ASSERT_TRUE((*db)->Import(files).ok());
  for (const std::string algo : {"algo.betweenness", "algo.pageRank", "algo.twoMode.closeness"}) {
    std::vector<std::vector<double>> runs;
    for (int threads : {1, 2}) {
      auto r = (*db)->Execute("CALL " + algo + "({nodeLabels: ['Organisation', 'Consortium'], "
                              "relationshipTypes: ['MEMBER_OF'], threads: " +
                              std::to_string(threads) + "}) YIELD node, score RETURN score");
      ASSERT_TRUE(r.ok()) << r.status();
      std::vector<double> scores;
      for (const auto& row : r->rows) scores.push_back(row[0].as_double());
      runs.push_back(std::move(scores));
    }
    ASSERT_GT(runs[0].size(), 3000u);
    ASSERT_EQ(runs[0].size(), runs[1].size());
    for (size_t i = 0; i < runs[0].size(); ++i) {
      EXPECT_NEAR(runs[0][i], runs[1][i], 1e-9) << algo << " vertex " << i;
    }
  }
}

}  // namespace
}  // namespace alliance

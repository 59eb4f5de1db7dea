// Analytics on a generated alliance graph: snapshot build from storage (target
// 5M edges/s, about 16 bytes per directed arc plus the id map) and the
// algorithms the comparison with igraph and NetworkX runs (bench/compare/).
//
// Scale: ALLIANCE_BENCH_ORGS organisations (default 100000), one tenth as many
// consortia, five memberships per organisation on average.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "alliance/database.h"
#include "alliance/generator.h"
#include "engine/analytics/betweenness_centrality.h"
#include "engine/analytics/connected_components.h"
#include "engine/analytics/k_core.h"
#include "engine/analytics/page_rank.h"
#include "engine/graph_snapshot.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

namespace fs = std::filesystem;

int64_t Orgs() {
  const char* v = std::getenv("ALLIANCE_BENCH_ORGS");
  return v ? std::atoll(v) : 100000;
}

SnapshotSpec Membership() {
  return SnapshotSpec{.node_labels = {"Organisation", "Consortium"},
                      .edge_types = {"MEMBER_OF"},
                      .directed = false};
}

struct Fixture {
  std::string dir;
  std::unique_ptr<storage::Store> store;
  std::shared_ptr<const GraphSnapshot> membership;

  Fixture() {
    const char* base = std::getenv("TMPDIR");
    dir = std::string(base && *base ? base : "/tmp") + "/alliance-analytics-bench-" +
          std::to_string(getpid());
    GeneratorOptions g;
    g.organisations = Orgs();
    g.consortia = std::max<int64_t>(1, Orgs() / 10);
    (void)GenerateAllianceGraph(g, dir + "/csv");
    {
      auto db = *Database::Open(dir + "/db");
      std::vector<ImportFile> files;
      for (const char* sub : {"nodes", "edges"}) {
        for (const auto& e : fs::directory_iterator(dir + "/csv/" + sub)) {
          files.push_back({e.path().string()});
        }
      }
      (void)db->Import(files);
    }
    store = *storage::Store::Open(dir + "/db", storage::StoreOptions{});
    membership = *BuildSnapshot(*store->BeginRead(), Membership());
  }
  ~Fixture() {
    store.reset();
    fs::remove_all(dir);
  }
};

Fixture& Shared() {
  static Fixture* f = new Fixture();
  return *f;
}

// Directed build: one stored relationship, one arc (plus its in-arc copy).
void BM_SnapshotBuildDirected(benchmark::State& state) {
  Fixture& f = Shared();
  SnapshotSpec spec = Membership();
  spec.directed = true;
  uint64_t edges = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    auto snapshot = *BuildSnapshot(*f.store->BeginRead(), spec);
    edges = snapshot->graph().edge_count();
    bytes = snapshot->memory_bytes();
    benchmark::DoNotOptimize(snapshot);
  }
  state.counters["edges_per_s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes_per_arc"] = static_cast<double>(bytes) / (2.0 * edges);
}
BENCHMARK(BM_SnapshotBuildDirected)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SnapshotBuildUndirected(benchmark::State& state) {
  Fixture& f = Shared();
  uint64_t edges = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    auto snapshot = *BuildSnapshot(*f.store->BeginRead(), Membership());
    edges = snapshot->graph().edge_count();
    bytes = snapshot->memory_bytes();
    benchmark::DoNotOptimize(snapshot);
  }
  state.counters["edges_per_s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes_per_arc"] = static_cast<double>(bytes) / (2.0 * edges);
}
BENCHMARK(BM_SnapshotBuildUndirected)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PageRank(benchmark::State& state) {
  const auto& g = Shared().membership->graph();
  for (auto _ : state) {
    auto r = analytics::PageRank(g, {.threads = static_cast<unsigned>(state.range(0))});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_PageRank)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BetweennessSampled(benchmark::State& state) {
  const auto& g = Shared().membership->graph();
  analytics::BetweennessOptions o;
  o.threads = static_cast<unsigned>(state.range(0));
  o.sources.emplace();
  for (analytics::VertexIndex v = 0; v < g.vertex_count() && o.sources->size() < 100; v += 97) {
    o.sources->push_back(v);
  }
  for (auto _ : state) benchmark::DoNotOptimize(analytics::BetweennessCentrality(g, o));
}
BENCHMARK(BM_BetweennessSampled)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Components(benchmark::State& state) {
  const auto& g = Shared().membership->graph();
  for (auto _ : state) benchmark::DoNotOptimize(analytics::ConnectedComponents(g));
}
BENCHMARK(BM_Components)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CoreNumbers(benchmark::State& state) {
  const auto& g = Shared().membership->graph();
  for (auto _ : state) benchmark::DoNotOptimize(analytics::CoreNumbers(g));
}
BENCHMARK(BM_CoreNumbers)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace alliance

BENCHMARK_MAIN();

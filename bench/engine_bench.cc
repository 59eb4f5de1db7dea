// The embedding API on generated alliance graphs: point lookup by key,
// adjacency scans, batch inserts and bulk import throughput.
//
// Scale: ALLIANCE_BENCH_ORGS organisations (default 100000) with one tenth as
// many consortia and five memberships per organisation on average.
#include <algorithm>
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "alliance/database.h"
#include "alliance/generator.h"
#include "bench/generated_database.h"

namespace alliance {
namespace {

namespace fs = std::filesystem;

using bench::GeneratedDatabase;
using bench::GeneratedFiles;

// One generated dataset and one imported database shared by the read benchmarks.
GeneratedDatabase& Shared() {
  static GeneratedDatabase* f = new GeneratedDatabase("alliance-bench");
  return *f;
}

void BM_ImportThroughput(benchmark::State& state) {
  GeneratedDatabase& f = Shared();
  const int64_t edges = f.stats.memberships + f.stats.part_of + f.stats.other_edges;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = f.dir + "/import-db";
    fs::remove_all(path);
    auto db = *Database::Open(path, Options{.sync_on_commit = false});
    state.ResumeTiming();
    auto result = db->Import(GeneratedFiles(f.csv_dir()));
    if (!result.ok()) state.SkipWithError(std::string(result.status().message()).c_str());
    state.PauseTiming();
    db.reset();
    fs::remove_all(path);
    state.ResumeTiming();
  }
  state.counters["edges_per_s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rows_per_s"] = benchmark::Counter(
      static_cast<double>(edges + f.stats.organisations + f.stats.consortia),
      benchmark::Counter::kIsIterationInvariantRate);
}
// This virtual machine's speed drifts by tens of percent from minute to
// minute, so each import is a repetition of its own and the report gives the
// fastest and the median besides the mean.
BENCHMARK(BM_ImportThroughput)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(7)
    ->ComputeStatistics("min", [](const std::vector<double>& v) {
      return *std::min_element(v.begin(), v.end());
    })
    ->UseRealTime();

void BM_PointLookupByKey(benchmark::State& state) {
  GeneratedDatabase& f = Shared();
  auto txn = f.db->BeginRead();
  std::mt19937_64 rng(1);
  const int64_t n = f.stats.organisations;
  for (auto _ : state) {
    // The generator names organisations "Org <6+ digit index> <suffix>"; read
    // the id back through the key to stay independent of the naming scheme.
    auto node = txn->GetNode(1 + rng() % n);
    benchmark::DoNotOptimize(txn->FindNodeByKey("Organisation", (*node)->Property("name")));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PointLookupByKey);

void BM_GetNodeProperty(benchmark::State& state) {
  GeneratedDatabase& f = Shared();
  auto txn = f.db->BeginRead();
  std::mt19937_64 rng(2);
  for (auto _ : state) {
    benchmark::DoNotOptimize(txn->GetNodeProperty(1 + rng() % f.stats.organisations, "kind"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GetNodeProperty);

// Relationships visited per second over whole neighbourhoods of consortia.
void BM_AdjacencyScan(benchmark::State& state) {
  GeneratedDatabase& f = Shared();
  auto txn = f.db->BeginRead();
  std::vector<NodeId> consortia;
  (void)txn->ScanLabel("Consortium", [&](const Node& n) {
    consortia.push_back(n.id);
    return consortia.size() < 1000;
  });
  int64_t visited = 0;
  size_t i = 0;
  for (auto _ : state) {
    (void)txn->ForEachRelationship(consortia[i++ % consortia.size()], Direction::kIncoming,
                                   {"MEMBER_OF"}, [&](const Relationship& r) {
                                     benchmark::DoNotOptimize(r.start);
                                     ++visited;
                                     return true;
                                   });
  }
  state.SetItemsProcessed(visited);
}
BENCHMARK(BM_AdjacencyScan);

// Nodes created per second in transactions of state.range(0) nodes.
void BM_BatchInsert(benchmark::State& state) {
  const std::string path = Shared().dir + "/insert-db";
  fs::remove_all(path);
  auto db = *Database::Open(path, Options{.sync_on_commit = false});
  int64_t next = 0;
  for (auto _ : state) {
    auto txn = *db->BeginWrite();
    for (int64_t i = 0; i < state.range(0); ++i) {
      (void)txn->CreateNode({"Organisation"},
                            {{"name", Value::String("org " + std::to_string(next++))},
                             {"kind", Value::String("company")}});
    }
    (void)txn->Commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  db.reset();
  fs::remove_all(path);
}
BENCHMARK(BM_BatchInsert)->Arg(1)->Arg(100)->Arg(10000);

}  // namespace
}  // namespace alliance

BENCHMARK_MAIN();

// Hot paths of the storage layer: key encoding, record decoding, one-property
// reads.
#include <benchmark/benchmark.h>

#include <random>

#include "storage/keys.h"
#include "storage/record_codec.h"

namespace alliance::storage {
namespace {

void BM_EdgeKeyEncodeDecode(benchmark::State& state) {
  std::mt19937_64 rng(1);
  EdgeKey e{rng(), 3, rng(), rng()};
  for (auto _ : state) {
    std::string k = e.OutKey();
    auto back = EdgeKey::DecodeOut(k);
    benchmark::DoNotOptimize(back);
    ++e.dst;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EdgeKeyEncodeDecode);

void BM_OrderedStringValue(benchmark::State& state) {
  Value v = Value::String("Seoul National University");
  for (auto _ : state) benchmark::DoNotOptimize(OrderedValue(v));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OrderedStringValue);

NodeRecordData SampleNode() {
  NodeRecordData n;
  n.labels = {0};
  n.properties = {{0, Value::String("Seoul National University")},
                  {1, Value::String("서울대학교")},
                  {2, Value::MakeList({Value::String("서울대"), Value::String("SNU")})},
                  {3, Value::String("university")},
                  {4, Value::String("article")},
                  {5, Value::String("A research university in Seoul.")}};
  return n;
}

void BM_NodeRecordEncode(benchmark::State& state) {
  NodeRecordData n = SampleNode();
  for (auto _ : state) benchmark::DoNotOptimize(EncodeNodeRecord(n));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NodeRecordEncode);

void BM_NodeRecordDecodeAll(benchmark::State& state) {
  const std::string bytes = EncodeNodeRecord(SampleNode());
  for (auto _ : state) benchmark::DoNotOptimize(DecodeNodeRecord(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NodeRecordDecodeAll);

void BM_NodeRecordReadOneProperty(benchmark::State& state) {
  const std::string bytes = EncodeNodeRecord(SampleNode());
  for (auto _ : state) benchmark::DoNotOptimize(ReadNodeProperty(bytes, 3));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NodeRecordReadOneProperty);

void BM_EdgeRecordEncode(benchmark::State& state) {
  PropertyList props = {{7, Value::String("member")}, {8, Value::Int(2025)}};
  for (auto _ : state) benchmark::DoNotOptimize(EncodeEdgeRecord(props));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EdgeRecordEncode);

}  // namespace
}  // namespace alliance::storage

BENCHMARK_MAIN();

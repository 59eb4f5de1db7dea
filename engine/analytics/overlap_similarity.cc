#include "engine/analytics/overlap_similarity.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "engine/analytics/shared_neighbor_counter.h"
#include "engine/analytics/sorted_intersection.h"
#include "engine/analytics/source_partition.h"

namespace alliance::analytics {
namespace {

struct Scores {
  double jaccard, overlap, cosine;
};

// The one place the measures are computed, so a pair ranks by exactly the value reported.
Scores Score(uint32_t shared, uint32_t degree_a, uint32_t degree_b) {
  const double s = shared, da = degree_a, db = degree_b;
  return {s / (da + db - s), s / std::min(da, db), s / std::sqrt(da * db)};
}

double RankScore(OverlapMetric metric, uint32_t shared, uint32_t degree_a, uint32_t degree_b) {
  if (metric == OverlapMetric::kShared) return shared;
  const Scores s = Score(shared, degree_a, degree_b);
  switch (metric) {
    case OverlapMetric::kJaccard:
      return s.jaccard;
    case OverlapMetric::kOverlapCoefficient:
      return s.overlap;
    default:
      return s.cosine;
  }
}

struct Candidate {
  VertexIndex a, b;
  uint32_t shared;
  double score;
};

// A strict total order, best first, so any split of the work gives the same answer.
bool Better(const Candidate& x, const Candidate& y) {
  if (x.score != y.score) return x.score > y.score;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
}

// One worker's pairs: all of them, or the best top_k in a heap whose top is the worst kept.
class Collector {
 public:
  explicit Collector(size_t top_k) : top_k_(top_k), heap_(Better) {}

  void Offer(const Candidate& c) {
    ++matching_;
    if (top_k_ == 0) {
      all_.push_back(c);
    } else if (heap_.size() < top_k_) {
      heap_.push(c);
    } else if (Better(c, heap_.top())) {
      heap_.pop();
      heap_.push(c);
    }
  }

  uint64_t matching() const { return matching_; }

  void MoveInto(std::vector<Candidate>* out) {
    out->insert(out->end(), all_.begin(), all_.end());
    for (; !heap_.empty(); heap_.pop()) out->push_back(heap_.top());
  }

 private:
  size_t top_k_;
  uint64_t matching_ = 0;
  std::vector<Candidate> all_;
  std::priority_queue<Candidate, std::vector<Candidate>, decltype(&Better)> heap_;
};

}  // namespace

OverlapResult OverlapSimilarity(const CsrGraph& g, const std::vector<bool>& is_top,
                                const OverlapOptions& options) {
  OverlapResult result;
  if (g.directed()) return result;
  const VertexIndex n = g.vertex_count();
  const uint32_t min_shared = std::max<uint32_t>(options.min_shared, 1);
  SharedNeighborCounter probe(g, is_top);
  auto on_side = [&](VertexIndex v) { return probe.IsTop(v) == options.compare_top; };

  std::vector<uint32_t> degree(n, 0);
  for (VertexIndex v = 0; v < n; ++v) {
    if (on_side(v)) degree[v] = probe.OtherSideDegree(v);
  }

  // Without sources every pair is found from its smaller vertex only. With sources, a
  // pair of two sources is kept only from its smaller one.
  const bool restricted = !options.sources.empty();
  std::vector<uint8_t> is_source;
  std::vector<VertexIndex> sources;
  if (restricted) {
    is_source.assign(n, 0);
    for (VertexIndex v : options.sources) {
      if (v < n && on_side(v) && !is_source[v]) {
        is_source[v] = 1;
        sources.push_back(v);
      }
    }
    std::sort(sources.begin(), sources.end());
  } else {
    for (VertexIndex v = 0; v < n; ++v) {
      if (on_side(v)) sources.push_back(v);
    }
  }

  const unsigned workers = ResolveWorkerCount(options.threads, sources.size());
  std::vector<SharedNeighborCounter> counters;
  counters.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) counters.emplace_back(g, is_top);
  std::vector<Collector> collectors(workers, Collector(options.top_k));

  ParallelFor(sources.size(), workers, [&](unsigned worker, size_t index) {
    const VertexIndex u = sources[index];
    SharedNeighborCounter& counter = counters[worker];
    for (VertexIndex v : counter.Count(u, restricted ? 0 : u + 1)) {
      if (restricted && is_source[v] && v < u) continue;
      const uint32_t shared = counter.Shared(v);
      if (shared < min_shared) continue;
      const VertexIndex a = std::min(u, v), b = std::max(u, v);
      collectors[worker].Offer(
          {a, b, shared, RankScore(options.rank_by, shared, degree[a], degree[b])});
    }
  });

  std::vector<Candidate> kept;
  for (Collector& c : collectors) {
    result.matching_pairs += c.matching();
    c.MoveInto(&kept);
  }
  std::sort(kept.begin(), kept.end(), Better);
  if (options.top_k != 0 && kept.size() > options.top_k) kept.resize(options.top_k);

  result.pairs.reserve(kept.size());
  for (const Candidate& c : kept) {
    OverlapPair& pair = result.pairs.emplace_back();
    pair.a = c.a;
    pair.b = c.b;
    pair.shared = c.shared;
    pair.degree_a = degree[c.a];
    pair.degree_b = degree[c.b];
    const Scores s = Score(c.shared, pair.degree_a, pair.degree_b);
    pair.jaccard = s.jaccard;
    pair.overlap = s.overlap;
    pair.cosine = s.cosine;
    if (options.list_shared == 0) continue;
    const auto na = g.out_neighbors(c.a);
    ForEachCommon(na, g.out_neighbors(c.b), [&](size_t i, size_t) {
      if (pair.shared_neighbors.size() < options.list_shared && !on_side(na[i])) {
        pair.shared_neighbors.push_back(na[i]);
      }
    });
  }
  return result;
}

}  // namespace alliance::analytics

// Splits independent per-index work (one shortest-path search per source, one block of
// vertices per PageRank sweep) across std::threads with a fixed, deterministic assignment.
#ifndef ALLIANCE_ENGINE_ANALYTICS_SOURCE_PARTITION_H_
#define ALLIANCE_ENGINE_ANALYTICS_SOURCE_PARTITION_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace alliance::analytics {

// `requested` 0 means one worker per hardware thread. Never more workers than items, so a
// caller can size per-worker scratch by the result without allocating idle copies.
inline unsigned ResolveWorkerCount(unsigned requested, size_t item_count) {
  unsigned workers = requested != 0 ? requested : std::thread::hardware_concurrency();
  if (workers == 0) workers = 1;
  if (item_count < workers) workers = static_cast<unsigned>(std::max<size_t>(item_count, 1));
  return workers;
}

// Calls visit(worker, index) for every index in [0, item_count). Worker w takes the indices
// w, w + workers, w + 2*workers, ...: interleaving balances runs whose cost varies with the
// index (hub sources), and a fixed assignment keeps float sums reproducible for a given
// worker count. Worker 0 runs on the calling thread; returns once every worker is done.
template <typename Visit>
void ParallelFor(size_t item_count, unsigned workers, const Visit& visit) {
  auto run_worker = [&](unsigned worker) {
    for (size_t index = worker; index < item_count; index += workers) visit(worker, index);
  };
  if (workers <= 1) {
    run_worker(0);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (unsigned worker = 1; worker < workers; ++worker) threads.emplace_back(run_worker, worker);
  run_worker(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SOURCE_PARTITION_H_

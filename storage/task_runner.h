// RunTasks: runs a fixed set of independent tasks on a few threads, the
// calling thread among them. For the importer's parallel phases, which want
// no pool that outlives them.
#ifndef ALLIANCE_STORAGE_TASK_RUNNER_H_
#define ALLIANCE_STORAGE_TASK_RUNNER_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace alliance::storage {

// Threads to use when the caller asks for 0 ("all cores").
inline int ResolveThreadCount(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls fn(i) once for every i in [0, count); tasks are taken in order, so
// with one thread they run exactly in sequence. `fn` must not throw.
template <typename Fn>
void RunTasks(size_t count, int threads, Fn&& fn) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) fn(i);
  };
  const size_t helpers = std::min<size_t>(std::max(threads, 1), count) - (count > 0 ? 1 : 0);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (size_t t = 0; t < helpers; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_TASK_RUNNER_H_

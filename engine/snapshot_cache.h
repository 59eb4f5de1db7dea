// SnapshotCache: keeps the few most recently used graph snapshots, keyed by
// selection and database version, so repeated analytics calls on an
// unchanged database do not rebuild them. Safe for concurrent use.
#ifndef ALLIANCE_ENGINE_SNAPSHOT_CACHE_H_
#define ALLIANCE_ENGINE_SNAPSHOT_CACHE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "engine/graph_snapshot.h"

namespace alliance {

class SnapshotCache {
 public:
  explicit SnapshotCache(size_t capacity = 4) : capacity_(capacity) {}

  // The snapshot of `spec` as `txn` sees it. A transaction with changes of its
  // own gets a fresh snapshot that is not cached.
  // A build runs under `checkpoint` (see BuildSnapshot); a cache hit does not call it.
  absl::StatusOr<std::shared_ptr<const GraphSnapshot>> Get(
      const storage::Transaction& txn, const SnapshotSpec& spec,
      const SnapshotCheckpoint& checkpoint = nullptr);

  uint64_t builds() const;
  uint64_t hits() const;

 private:
  struct Entry {
    std::string key;
    uint64_t version;
    std::shared_ptr<const GraphSnapshot> snapshot;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> entries_;  // most recently used first
  uint64_t builds_ = 0;
  uint64_t hits_ = 0;
};

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_SNAPSHOT_CACHE_H_

#include "engine/snapshot_cache.h"

#include "storage/transaction.h"

namespace alliance {

absl::StatusOr<std::shared_ptr<const GraphSnapshot>> SnapshotCache::Get(
    const storage::Transaction& txn, const SnapshotSpec& spec,
    const SnapshotCheckpoint& checkpoint) {
  const std::optional<uint64_t> version = txn.clean_version();
  const std::string key = spec.CacheKey();
  if (version) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->key == key && it->version == *version) {
        entries_.splice(entries_.begin(), entries_, it);
        ++hits_;
        return entries_.front().snapshot;
      }
    }
  }
  // Built outside the lock: a build may take seconds and others may hit meanwhile.
  absl::StatusOr<std::shared_ptr<const GraphSnapshot>> built = BuildSnapshot(txn, spec, checkpoint);
  if (!built.ok()) return built.status();
  std::lock_guard<std::mutex> lock(mu_);
  ++builds_;
  if (version) {
    entries_.push_front(Entry{key, *version, *built});
    if (entries_.size() > capacity_) entries_.pop_back();
  }
  return built;
}

uint64_t SnapshotCache::builds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return builds_;
}

uint64_t SnapshotCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

}  // namespace alliance

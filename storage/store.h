// Store: one AllianceDB database directory on RocksDB: its column families,
// format version, catalog and id counters, and the writer lock.
//
// Thread-safe. Many read transactions may run beside one write transaction;
// BeginWrite waits for the current writer to finish. A read-only store (which
// may be opened beside a writer in another process) sees the data as of its open.
#ifndef ALLIANCE_STORAGE_STORE_H_
#define ALLIANCE_STORAGE_STORE_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schema/catalog.h"
#include "storage/keys.h"
#include "storage/writer_slot.h"

namespace rocksdb {
struct DBOptions;
struct Options;
class DB;
class ColumnFamilyHandle;
class Cache;
}  // namespace rocksdb

namespace alliance::storage {

class Transaction;

// The on-disk format this build reads and writes.
inline constexpr int kFormatVersion = 1;

// DO NOT REORDER: the index is used as the handle slot.
enum class Cf : int { kMeta = 0, kNodes, kOut, kIn, kLabelIdx, kUniqueIdx, kLookupIdx, kCount };

struct StoreOptions {
  bool create_if_missing = true;
  bool read_only = false;
  // The schema of a database created by this open; ignored for existing ones.
  schema::SchemaMode mode_on_create = schema::SchemaMode::kEnforced;
  // fsync the write-ahead log on every commit: an acknowledged commit survives
  // power loss. Without it, it survives a process crash only.
  bool sync_on_commit = true;
  size_t block_cache_bytes = 64 << 20;
  // How long BeginWrite waits for another write transaction of this process.
  std::chrono::milliseconds writer_wait{10000};
};

class Store {
 public:
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                                     const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }
  const StoreOptions& options() const { return options_; }

  // The catalog as of now; a transaction keeps the one it started with.
  std::shared_ptr<const schema::Catalog> catalog() const;

  std::unique_ptr<Transaction> BeginRead();
  absl::StatusOr<std::unique_ptr<Transaction>> BeginWrite();

  // Applies `change` to a copy of the catalog under the writer lock, then
  // stores and publishes it. Changes go through Catalog's Add* calls, which
  // never invalidate stored data.
  absl::Status UpdateCatalog(const std::function<absl::Status(schema::Catalog&)>& change);

  // Copies the database to `destination` (which must not exist) while it
  // stays open for reads and writes: a RocksDB checkpoint, files hard-linked
  // where the file system allows. The copy holds every commit acknowledged
  // before the call (for a read-only open: as of the open, or later) and no
  // partial one, and opens like any database.
  absl::Status Backup(const std::string& destination);

  // For the importer, the checker and snapshots: raw access inside storage/.
  rocksdb::DB* db() const { return db_; }
  // Bytes the shared block cache holds at most.
  size_t block_cache_capacity() const;
  rocksdb::ColumnFamilyHandle* cf(Cf which) const { return handles_[static_cast<int>(which)]; }
  // Hands out `count` consecutive ids; the caller persists the new counter in
  // the same batch as the data (see Transaction::Commit and the importer).
  NodeId AllocateNodeIds(uint64_t count) { return next_node_id_.fetch_add(count); }
  EdgeId AllocateEdgeIds(uint64_t count) { return next_edge_id_.fetch_add(count); }
  uint64_t next_node_id() const { return next_node_id_.load(); }
  uint64_t next_edge_id() const { return next_edge_id_.load(); }
  // Serialises writers of this process (transactions and imports).
  WriterSlot::Guard AcquireWriter() { return writer_slot_.Acquire(options_.writer_wait); }
  void PublishCatalog(std::shared_ptr<const schema::Catalog> catalog);
  // Options for SST files built outside the DB (bulk import) so that they
  // match the column family's table format, filters and compression.
  void FillSstOptions(Cf which, rocksdb::Options* options) const;
  // RocksDB's latest sequence number: changes with every commit.
  uint64_t sequence_number() const;

 private:
  Store() = default;
  absl::Status OpenExisting(bool read_only);
  absl::Status VerifyLiveFiles(const rocksdb::DBOptions& db_options) const;
  absl::Status Create();
  absl::Status LoadMeta();
  absl::Status AcquireProcessLock();

  std::string path_;
  StoreOptions options_;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::shared_ptr<rocksdb::Cache> block_cache_;
  std::string secondary_path_;  // scratch directory of a read-only open
  int lock_fd_ = -1;

  mutable std::mutex catalog_mutex_;
  std::shared_ptr<const schema::Catalog> catalog_;
  std::atomic<uint64_t> next_node_id_{1};
  std::atomic<uint64_t> next_edge_id_{1};
  WriterSlot writer_slot_;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_STORE_H_

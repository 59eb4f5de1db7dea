// Transaction: a consistent view of the store (a RocksDB snapshot) and, for a
// write transaction, the batch of its changes, which it reads back and which
// commits atomically: all column families, indexes and counters, or nothing.
//
// Not thread-safe: one transaction belongs to one thread. Dropping an
// uncommitted write transaction rolls it back.
#ifndef ALLIANCE_STORAGE_TRANSACTION_H_
#define ALLIANCE_STORAGE_TRANSACTION_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "schema/catalog.h"
#include "storage/keys.h"
#include "storage/record_codec.h"
#include "storage/store.h"

namespace rocksdb {
class Iterator;
class Snapshot;
class WriteBatchWithIndex;
}  // namespace rocksdb

namespace alliance::storage {

enum class Direction { kOut, kIn, kBoth };

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool is_write() const { return batch_ != nullptr; }
  // The database version this transaction reads, when it has no changes of
  // its own: equal versions see equal data (snapshot caches key on it).
  std::optional<uint64_t> clean_version() const;
  // The catalog this transaction sees (a write transaction's own copy, with the
  // names it added).
  const schema::Catalog& catalog() const { return *catalog_; }

  // --- Reads (a write transaction also sees its own changes) ---
  absl::StatusOr<std::optional<NodeRecordData>> GetNode(NodeId id) const;
  absl::StatusOr<Value> GetNodeProperty(NodeId id, schema::PropertyKeyId key) const;
  // Visits nodes in id order; `fn` returns false to stop.
  absl::Status ScanLabel(schema::LabelId label, const std::function<bool(NodeId)>& fn) const;
  absl::Status ScanNodes(const std::function<bool(NodeId, std::string_view record)>& fn) const;
  // The node whose unique key property has `value`.
  absl::StatusOr<std::optional<NodeId>> FindByKey(schema::LabelId label,
                                                  schema::PropertyKeyId property,
                                                  const Value& value) const;
  // Nodes with `value` in an indexed lookup property (or in one of its list elements).
  absl::StatusOr<std::vector<NodeId>> FindByLookup(schema::LabelId label,
                                                   schema::PropertyKeyId property,
                                                   const Value& value) const;
  // Visits the relationships of `node`: outgoing, incoming or both (a self-loop
  // once per direction), optionally of one type. `record` is the edge record.
  absl::Status ForEachEdge(
      NodeId node, Direction direction, std::optional<uint32_t> type,
      const std::function<bool(const EdgeKey&, std::string_view record)>& fn) const;
  absl::Status ScanEdges(
      const std::function<bool(const EdgeKey&, std::string_view record)>& fn) const;
  absl::StatusOr<std::optional<PropertyList>> GetEdge(const EdgeKey& key) const;

  // --- Writes (write transactions only) ---
  // Property values are NFC-normalised and checked against the schema; label,
  // type and property names new to a free-schema database are added to it.
  absl::StatusOr<NodeId> CreateNode(const std::vector<std::string>& labels,
                                    PropertyMap properties);
  // Sets the given properties (a null value removes one); with `replace`, the
  // node keeps only these.
  absl::Status SetNodeProperties(NodeId id, PropertyMap properties, bool replace);
  absl::Status SetNodeLabels(NodeId id, const std::vector<std::string>& add,
                             const std::vector<std::string>& remove);
  // Fails while the node has relationships unless `detach`, which deletes them too.
  absl::Status DeleteNode(NodeId id, bool detach);
  absl::StatusOr<EdgeKey> CreateEdge(NodeId src, std::string_view type, NodeId dst,
                                     PropertyMap properties);
  absl::Status SetEdgeProperties(const EdgeKey& key, PropertyMap properties, bool replace);
  absl::Status DeleteEdge(const EdgeKey& key);

  // Checks the properties the schema requires of every node and relationship
  // this transaction wrote (deferred so that a statement may create first and
  // set later), then commits. A failed commit leaves nothing behind.
  absl::Status Commit();
  void Rollback();

  // Raw access for the checker and snapshot builders: the value under `key`,
  // and the keys of `cf` that start with `prefix`, in order.
  absl::StatusOr<std::optional<std::string>> Get(Cf cf, std::string_view key) const;
  absl::Status ScanPrefix(
      Cf cf, std::string_view prefix,
      const std::function<bool(std::string_view key, std::string_view value)>& fn) const;
  // RocksDB's estimate of the number of keys in `cf` (for progress reports only).
  uint64_t EstimatedKeyCount(Cf cf) const;
  // The keys of `cf` in [begin, end), in order; an empty `end` runs to the last key.
  // Safe to call from several threads at once on a read transaction, so a large scan
  // can be split into key ranges.
  absl::Status ScanRange(
      Cf cf, std::string_view begin, std::string_view end,
      const std::function<bool(std::string_view key, std::string_view value)>& fn) const;

  // Names of a node record's labels and its properties by name.
  std::vector<std::string> LabelNames(const std::vector<uint32_t>& labels) const;
  PropertyMap PropertiesByName(const PropertyList& properties) const;

 private:
  friend class Store;
  Transaction(Store* store, std::shared_ptr<const schema::Catalog> catalog);
  absl::Status Scan(
      Cf cf, std::string_view begin, std::string_view end, bool total_order, bool bulk,
      const std::function<bool(std::string_view key, std::string_view value)>& fn) const;
  Transaction(Store* store, std::shared_ptr<const schema::Catalog> catalog,
              WriterSlot::Guard writer);

  absl::Status CheckWritable() const;
  void Put(Cf cf, std::string_view key, std::string_view value);
  void Delete(Cf cf, std::string_view key);
  schema::Catalog& MutableCatalog();
  absl::Status WriteNode(NodeId id, const std::optional<NodeRecordData>& old,
                         const std::vector<std::string>& labels, PropertyMap properties);
  absl::Status UpdateIndexes(NodeId id, const std::optional<NodeRecordData>& old,
                             const NodeRecordData& next);
  absl::Status DescribeNode(NodeId id, std::string* out) const;
  absl::Status CheckRequiredProperties() const;

  Store* store_;
  std::shared_ptr<const schema::Catalog> catalog_;
  std::shared_ptr<schema::Catalog> own_catalog_;  // copy-on-write for writers
  const rocksdb::Snapshot* snapshot_ = nullptr;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;
  WriterSlot::Guard writer_;
  absl::flat_hash_set<NodeId> touched_nodes_;
  std::vector<EdgeKey> touched_edges_;
  uint64_t node_ids_used_ = 0;
  uint64_t edge_ids_used_ = 0;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_TRANSACTION_H_

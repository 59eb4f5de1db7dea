#include "storage/transaction.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "schema/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "schema/status_macros.h"
#include "storage/rocks_status.h"
#include "storage/string_normalizer.h"

namespace alliance::storage {
namespace {

// `base` with `changes` applied: a null value removes the property.
PropertyMap ApplyChanges(PropertyMap base, PropertyMap changes) {
  for (auto& [name, value] : changes) {
    if (value.is_null()) {
      base.erase(name);
    } else {
      base.insert_or_assign(name, std::move(value));
    }
  }
  return base;
}

absl::Status NodeNotFound(NodeId id) {
  return absl::NotFoundError(StrCat("node ", id, " does not exist"));
}

// Index entries a node contributes: one label-index key per label, one
// unique-index key per label with a key property, one lookup-index key per
// value (or list element) of each lookup property.
struct IndexEntries {
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, std::string>> unique;  // key -> label/property text
  std::vector<std::string> lookup;
};

absl::StatusOr<IndexEntries> EntriesOf(NodeId id, const NodeRecordData& node,
                                       const schema::Catalog& catalog) {
  IndexEntries e;
  auto find = [&](schema::PropertyKeyId key) -> const Value* {
    auto it = std::lower_bound(node.properties.begin(), node.properties.end(), key,
                               [](const auto& p, uint32_t k) { return p.first < k; });
    return it != node.properties.end() && it->first == key ? &it->second : nullptr;
  };
  for (uint32_t label : node.labels) {
    e.labels.push_back(LabelIndexKey(label, id));
    const schema::LabelDef* def = catalog.FindLabelDef(catalog.LabelName(label));
    if (def == nullptr) continue;
    if (!def->key_property.empty()) {
      auto key = catalog.FindPropertyKey(def->key_property);
      if (const Value* v = key ? find(*key) : nullptr) {
        ASSIGN_OR_RETURN(std::string k, UniqueIndexKey(label, *key, *v));
        e.unique.emplace_back(std::move(k), StrCat(def->name, " ", def->key_property, " ",
                                                         v->ToString()));
      }
    }
    for (const std::string& name : def->lookup_properties) {
      auto key = catalog.FindPropertyKey(name);
      const Value* v = key ? find(*key) : nullptr;
      if (v == nullptr) continue;
      std::vector<const Value*> values;
      if (v->type() == Value::Type::kList) {
        for (const Value& element : v->as_list()) values.push_back(&element);
      } else {
        values.push_back(v);
      }
      for (const Value* value : values) {
        ASSIGN_OR_RETURN(std::string k, LookupIndexPrefix(label, *key, *value));
        AppendU64(k, id);
        e.lookup.push_back(std::move(k));
      }
    }
  }
  return e;
}

}  // namespace

Transaction::Transaction(Store* store, std::shared_ptr<const schema::Catalog> catalog)
    : store_(store), catalog_(std::move(catalog)) {
  // Secondary (read-only) instances cannot take snapshots; their view is fixed
  // at open, which gives the same consistency.
  if (!store_->read_only()) snapshot_ = store_->db()->GetSnapshot();
}

std::optional<uint64_t> Transaction::clean_version() const {
  if (batch_ != nullptr && batch_->GetWriteBatch()->Count() > 0) return std::nullopt;
  // A secondary instance's view is fixed at open: its latest sequence is it.
  return snapshot_ != nullptr ? snapshot_->GetSequenceNumber() : store_->sequence_number();
}

Transaction::Transaction(Store* store, std::shared_ptr<const schema::Catalog> catalog,
                         WriterSlot::Guard writer)
    : Transaction(store, std::move(catalog)) {
  writer_ = std::move(writer);
  batch_ = std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0,
                                                          /*overwrite_key=*/true);
}

Transaction::~Transaction() {
  if (snapshot_ != nullptr) store_->db()->ReleaseSnapshot(snapshot_);
}

absl::Status Transaction::CheckWritable() const {
  if (batch_ == nullptr) {
    return absl::FailedPreconditionError("this is a read transaction: writes are refused");
  }
  if (!writer_.held()) {
    return absl::FailedPreconditionError("the transaction has already ended");
  }
  return absl::OkStatus();
}

schema::Catalog& Transaction::MutableCatalog() {
  if (own_catalog_ == nullptr) {
    own_catalog_ = std::make_shared<schema::Catalog>(*catalog_);
    catalog_ = own_catalog_;
  }
  return *own_catalog_;
}

absl::StatusOr<std::optional<std::string>> Transaction::Get(Cf cf, std::string_view key) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  std::string value;
  rocksdb::Status s;
  if (batch_ != nullptr) {
    s = batch_->GetFromBatchAndDB(store_->db(), ro, store_->cf(cf), rocksdb::Slice(key), &value);
  } else {
    s = store_->db()->Get(ro, store_->cf(cf), rocksdb::Slice(key), &value);
  }
  if (s.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(s, "read failed"));
  return value;
}

absl::Status Transaction::ScanPrefix(
    Cf cf, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  // The prefix extractor only covers whole 8-byte node prefixes.
  return Scan(cf, prefix, PrefixSuccessor(prefix), prefix.size() != kNodeKeySize,
              /*bulk=*/false, fn);
}

uint64_t Transaction::EstimatedKeyCount(Cf cf) const {
  uint64_t keys = 0;
  if (!store_->db()->GetIntProperty(store_->cf(cf), "rocksdb.estimate-num-keys", &keys)) return 0;
  return keys;
}

absl::Status Transaction::ScanRange(
    Cf cf, std::string_view begin, std::string_view end,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  return Scan(cf, begin, end, /*total_order=*/true, /*bulk=*/true, fn);
}

absl::Status Transaction::Scan(
    Cf cf, std::string_view begin, std::string_view end, bool total_order, bool bulk,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  if (bulk) {
    // A range read from end to end (snapshot builds): large reads. When the column
    // family is larger than the block cache its blocks would only evict one another
    // (and the point lookups' working set), so they are not cached; measured at 1M
    // organisations, 3.0 -> 3.7-5.0M edges/s. Smaller ones stay cached for the next
    // build. Data on disk is compressed: about twice its size in the cache.
    uint64_t live_bytes = 0;
    store_->db()->GetIntProperty(store_->cf(cf), "rocksdb.estimate-live-data-size", &live_bytes);
    ro.fill_cache = 2 * live_bytes <= store_->block_cache_capacity();
    ro.readahead_size = 2 << 20;
  }
  rocksdb::Slice upper_slice(end.data(), end.size());
  if (!end.empty()) ro.iterate_upper_bound = &upper_slice;
  ro.total_order_seek = total_order;
  std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro, store_->cf(cf)));
  if (batch_ != nullptr) {
    it.reset(batch_->NewIteratorWithBase(store_->cf(cf), it.release()));
  }
  for (it->Seek(rocksdb::Slice(begin.data(), begin.size())); it->Valid(); it->Next()) {
    rocksdb::Slice key = it->key();
    // The write batch's own entries are not clipped by iterate_upper_bound.
    if (!end.empty() && key.compare(upper_slice) >= 0) break;
    if (!fn(std::string_view(key.data(), key.size()),
            std::string_view(it->value().data(), it->value().size()))) {
      return absl::OkStatus();
    }
  }
  return FromRocks(it->status(), "scan failed");
}

void Transaction::Put(Cf cf, std::string_view key, std::string_view value) {
  batch_->Put(store_->cf(cf), rocksdb::Slice(key), rocksdb::Slice(value)).PermitUncheckedError();
}

void Transaction::Delete(Cf cf, std::string_view key) {
  batch_->Delete(store_->cf(cf), rocksdb::Slice(key)).PermitUncheckedError();
}

// ----- reads -----

absl::StatusOr<std::optional<NodeRecordData>> Transaction::GetNode(NodeId id) const {
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, Get(Cf::kNodes, NodeKey(id)));
  if (!bytes) return std::nullopt;
  ASSIGN_OR_RETURN(NodeRecordData node, DecodeNodeRecord(*bytes));
  return node;
}

absl::StatusOr<Value> Transaction::GetNodeProperty(NodeId id, schema::PropertyKeyId key) const {
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, Get(Cf::kNodes, NodeKey(id)));
  if (!bytes) return NodeNotFound(id);
  return ReadNodeProperty(*bytes, key);
}

absl::Status Transaction::ScanLabel(schema::LabelId label,
                                    const std::function<bool(NodeId)>& fn) const {
  return ScanPrefix(Cf::kLabelIdx, LabelIndexPrefix(label),
                    [&](std::string_view key, std::string_view) {
                      return fn(ReadU64(key.data() + 4));
                    });
}

absl::Status Transaction::ScanNodes(
    const std::function<bool(NodeId, std::string_view)>& fn) const {
  return ScanPrefix(Cf::kNodes, "", [&](std::string_view key, std::string_view value) {
    return fn(ReadU64(key.data()), value);
  });
}

absl::StatusOr<std::optional<NodeId>> Transaction::FindByKey(schema::LabelId label,
                                                             schema::PropertyKeyId property,
                                                             const Value& value) const {
  Value normalized = value;
  RETURN_IF_ERROR(NormalizeValue(normalized));
  ASSIGN_OR_RETURN(std::string key, UniqueIndexKey(label, property, normalized));
  ASSIGN_OR_RETURN(std::optional<std::string> id, Get(Cf::kUniqueIdx, key));
  if (!id) return std::nullopt;
  if (id->size() != kNodeKeySize) return absl::DataLossError("unique index entry is damaged");
  return ReadU64(id->data());
}

absl::StatusOr<std::vector<NodeId>> Transaction::FindByLookup(schema::LabelId label,
                                                              schema::PropertyKeyId property,
                                                              const Value& value) const {
  Value normalized = value;
  RETURN_IF_ERROR(NormalizeValue(normalized));
  ASSIGN_OR_RETURN(std::string prefix, LookupIndexPrefix(label, property, normalized));
  std::vector<NodeId> ids;
  RETURN_IF_ERROR(ScanPrefix(Cf::kLookupIdx, prefix, [&](std::string_view key, std::string_view) {
    if (key.size() == prefix.size() + kNodeKeySize) {
      ids.push_back(ReadU64(key.data() + prefix.size()));
    }
    return true;
  }));
  return ids;
}

absl::Status Transaction::ForEachEdge(
    NodeId node, Direction direction, std::optional<uint32_t> type,
    const std::function<bool(const EdgeKey&, std::string_view)>& fn) const {
  const std::string prefix = type ? AdjacencyPrefix(node, *type) : AdjacencyPrefix(node);
  bool stopped = false;
  if (direction != Direction::kIn) {
    RETURN_IF_ERROR(ScanPrefix(Cf::kOut, prefix, [&](std::string_view key, std::string_view v) {
      auto edge = EdgeKey::DecodeOut(key);
      if (!edge.ok()) return true;  // the checker reports malformed keys
      stopped = !fn(*edge, v);
      return !stopped;
    }));
  }
  if (stopped || direction == Direction::kOut) return absl::OkStatus();
  return ScanPrefix(Cf::kIn, prefix, [&](std::string_view key, std::string_view) {
    auto edge = EdgeKey::DecodeIn(key);
    if (!edge.ok()) return true;
    // The record lives with the `out` copy.
    auto record = Get(Cf::kOut, edge->OutKey());
    if (!record.ok() || !record->has_value()) return fn(*edge, std::string_view());
    return fn(*edge, **record);
  });
}

absl::Status Transaction::ScanEdges(
    const std::function<bool(const EdgeKey&, std::string_view)>& fn) const {
  return ScanPrefix(Cf::kOut, "", [&](std::string_view key, std::string_view v) {
    auto edge = EdgeKey::DecodeOut(key);
    return edge.ok() ? fn(*edge, v) : true;
  });
}

absl::StatusOr<std::optional<PropertyList>> Transaction::GetEdge(const EdgeKey& key) const {
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, Get(Cf::kOut, key.OutKey()));
  if (!bytes) return std::nullopt;
  ASSIGN_OR_RETURN(PropertyList props, DecodeEdgeRecord(*bytes));
  return props;
}

std::vector<std::string> Transaction::LabelNames(const std::vector<uint32_t>& labels) const {
  std::vector<std::string> names;
  names.reserve(labels.size());
  for (uint32_t l : labels) {
    names.push_back(l < catalog_->label_count() ? catalog_->LabelName(l) : StrCat("#", l));
  }
  return names;
}

PropertyMap Transaction::PropertiesByName(const PropertyList& properties) const {
  PropertyMap map;
  for (const auto& [key, value] : properties) {
    map.emplace(key < catalog_->property_key_count() ? catalog_->PropertyKeyName(key)
                                                    : StrCat("#", key),
                value);
  }
  return map;
}

absl::Status Transaction::DescribeNode(NodeId id, std::string* out) const {
  *out = StrCat("node ", id);
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> node, GetNode(id));
  if (!node) return absl::OkStatus();
  std::vector<std::string> labels = LabelNames(node->labels);
  if (!labels.empty()) StrAppend(out, " (", labels.front());
  if (auto name = catalog_->FindPropertyKey("name")) {
    for (const auto& [key, value] : node->properties) {
      if (key == *name) StrAppend(out, " ", value.ToString());
    }
  }
  if (!labels.empty()) StrAppend(out, ")");
  return absl::OkStatus();
}

// ----- writes -----

absl::Status Transaction::WriteNode(NodeId id, const std::optional<NodeRecordData>& old,
                                    const std::vector<std::string>& labels,
                                    PropertyMap properties) {
  for (auto& [name, value] : properties) {
    if (absl::Status s = NormalizeValue(value); !s.ok()) {
      return absl::InvalidArgumentError(StrCat("property '", name, "': ", s.message()));
    }
  }
  RETURN_IF_ERROR(catalog_->ValidateNode(labels, properties, /*check_required=*/false));
  touched_nodes_.insert(id);

  schema::Catalog& catalog = MutableCatalog();
  NodeRecordData next;
  for (const std::string& l : labels) next.labels.push_back(catalog.InternLabel(l));
  std::sort(next.labels.begin(), next.labels.end());
  next.labels.erase(std::unique(next.labels.begin(), next.labels.end()), next.labels.end());
  for (auto& [name, value] : properties) {
    next.properties.emplace_back(catalog.InternPropertyKey(name), std::move(value));
  }
  SortProperties(next.properties);
  RETURN_IF_ERROR(UpdateIndexes(id, old, next));
  Put(Cf::kNodes, NodeKey(id), EncodeNodeRecord(next));
  return absl::OkStatus();
}

absl::Status Transaction::UpdateIndexes(NodeId id, const std::optional<NodeRecordData>& old,
                                        const NodeRecordData& next) {
  const schema::Catalog& catalog = *catalog_;
  ASSIGN_OR_RETURN(IndexEntries added, EntriesOf(id, next, catalog));
  for (const auto& [key, what] : added.unique) {
    ASSIGN_OR_RETURN(std::optional<std::string> holder, Get(Cf::kUniqueIdx, key));
    if (holder && holder->size() == kNodeKeySize && ReadU64(holder->data()) != id) {
      std::string other;
      RETURN_IF_ERROR(DescribeNode(ReadU64(holder->data()), &other));
      return absl::AlreadyExistsError(
          StrCat("schema violation: duplicate key ", what, ": already used by ", other));
    }
  }
  if (old) {
    ASSIGN_OR_RETURN(IndexEntries removed, EntriesOf(id, *old, catalog));
    for (const auto& k : removed.labels) Delete(Cf::kLabelIdx, k);
    for (const auto& [k, what] : removed.unique) Delete(Cf::kUniqueIdx, k);
    for (const auto& k : removed.lookup) Delete(Cf::kLookupIdx, k);
  }
  for (const auto& k : added.labels) Put(Cf::kLabelIdx, k, "");
  const std::string id_bytes = NodeKey(id);
  for (const auto& [k, what] : added.unique) Put(Cf::kUniqueIdx, k, id_bytes);
  for (const auto& k : added.lookup) Put(Cf::kLookupIdx, k, "");
  return absl::OkStatus();
}

absl::StatusOr<NodeId> Transaction::CreateNode(const std::vector<std::string>& labels,
                                               PropertyMap properties) {
  RETURN_IF_ERROR(CheckWritable());
  const NodeId id = store_->AllocateNodeIds(1);
  ++node_ids_used_;
  RETURN_IF_ERROR(WriteNode(id, std::nullopt, labels, std::move(properties)));
  return id;
}

absl::Status Transaction::SetNodeProperties(NodeId id, PropertyMap properties, bool replace) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> old, GetNode(id));
  if (!old) return NodeNotFound(id);
  PropertyMap merged = ApplyChanges(
      replace ? PropertyMap() : PropertiesByName(old->properties), std::move(properties));
  return WriteNode(id, old, LabelNames(old->labels), std::move(merged));
}

absl::Status Transaction::SetNodeLabels(NodeId id, const std::vector<std::string>& add,
                                        const std::vector<std::string>& remove) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> old, GetNode(id));
  if (!old) return NodeNotFound(id);
  std::vector<std::string> labels = LabelNames(old->labels);
  for (const std::string& l : add) {
    if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
  }
  for (const std::string& l : remove) {
    labels.erase(std::remove(labels.begin(), labels.end(), l), labels.end());
  }
  return WriteNode(id, old, labels, PropertiesByName(old->properties));
}

absl::Status Transaction::DeleteNode(NodeId id, bool detach) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> old, GetNode(id));
  if (!old) return NodeNotFound(id);
  std::vector<EdgeKey> edges;
  RETURN_IF_ERROR(ForEachEdge(id, Direction::kBoth, std::nullopt,
                              [&](const EdgeKey& e, std::string_view) {
                                edges.push_back(e);
                                return true;
                              }));
  if (!edges.empty() && !detach) {
    std::string what;
    RETURN_IF_ERROR(DescribeNode(id, &what));
    return absl::FailedPreconditionError(StrCat(
        "cannot delete ", what, ": it still has relationships (", edges.size(),
        " found); delete them first or use DETACH DELETE"));
  }
  for (const EdgeKey& e : edges) {
    Delete(Cf::kOut, e.OutKey());
    Delete(Cf::kIn, e.InKey());
  }
  ASSIGN_OR_RETURN(IndexEntries removed, EntriesOf(id, *old, *catalog_));
  for (const auto& k : removed.labels) Delete(Cf::kLabelIdx, k);
  for (const auto& [k, what] : removed.unique) Delete(Cf::kUniqueIdx, k);
  for (const auto& k : removed.lookup) Delete(Cf::kLookupIdx, k);
  Delete(Cf::kNodes, NodeKey(id));
  return absl::OkStatus();
}

absl::StatusOr<EdgeKey> Transaction::CreateEdge(NodeId src, std::string_view type, NodeId dst,
                                                PropertyMap properties) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> from, GetNode(src));
  if (!from) return NodeNotFound(src);
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> to, GetNode(dst));
  if (!to) return NodeNotFound(dst);
  for (auto& [name, value] : properties) RETURN_IF_ERROR(NormalizeValue(value));
  RETURN_IF_ERROR(
      catalog_->ValidateEdge(type, LabelNames(from->labels), LabelNames(to->labels), properties,
                             /*check_required=*/false));
  schema::Catalog& catalog = MutableCatalog();
  EdgeKey key{src, catalog.InternEdgeType(type), dst, store_->AllocateEdgeIds(1)};
  ++edge_ids_used_;
  PropertyList props;
  for (auto& [name, value] : properties) {
    props.emplace_back(catalog.InternPropertyKey(name), std::move(value));
  }
  SortProperties(props);
  Put(Cf::kOut, key.OutKey(), EncodeEdgeRecord(props));
  Put(Cf::kIn, key.InKey(), "");
  touched_edges_.push_back(key);
  return key;
}

absl::Status Transaction::SetEdgeProperties(const EdgeKey& key, PropertyMap properties,
                                            bool replace) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<PropertyList> old, GetEdge(key));
  if (!old) return absl::NotFoundError(StrCat("relationship ", key.id, " does not exist"));
  for (auto& [name, value] : properties) RETURN_IF_ERROR(NormalizeValue(value));
  PropertyMap merged =
      ApplyChanges(replace ? PropertyMap() : PropertiesByName(*old), std::move(properties));
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> from, GetNode(key.src));
  ASSIGN_OR_RETURN(std::optional<NodeRecordData> to, GetNode(key.dst));
  if (!from || !to) return absl::DataLossError("relationship endpoint is missing");
  const std::string& type = catalog_->EdgeTypeName(key.type);
  RETURN_IF_ERROR(
      catalog_->ValidateEdge(type, LabelNames(from->labels), LabelNames(to->labels), merged,
                             /*check_required=*/false));
  touched_edges_.push_back(key);
  schema::Catalog& catalog = MutableCatalog();
  PropertyList props;
  for (auto& [name, value] : merged) {
    props.emplace_back(catalog.InternPropertyKey(name), std::move(value));
  }
  SortProperties(props);
  Put(Cf::kOut, key.OutKey(), EncodeEdgeRecord(props));
  return absl::OkStatus();
}

absl::Status Transaction::DeleteEdge(const EdgeKey& key) {
  RETURN_IF_ERROR(CheckWritable());
  ASSIGN_OR_RETURN(std::optional<std::string> existing, Get(Cf::kOut, key.OutKey()));
  if (!existing) {
    return absl::NotFoundError(StrCat("relationship ", key.id, " does not exist"));
  }
  Delete(Cf::kOut, key.OutKey());
  Delete(Cf::kIn, key.InKey());
  return absl::OkStatus();
}

absl::Status Transaction::CheckRequiredProperties() const {
  for (NodeId id : touched_nodes_) {
    ASSIGN_OR_RETURN(std::optional<NodeRecordData> node, GetNode(id));
    if (!node) continue;
    PropertyMap props = PropertiesByName(node->properties);
    if (absl::Status s = catalog_->ValidateNode(LabelNames(node->labels), props); !s.ok()) {
      std::string what;
      RETURN_IF_ERROR(DescribeNode(id, &what));
      return absl::InvalidArgumentError(StrCat(s.message(), " (", what, ")"));
    }
  }
  for (const EdgeKey& key : touched_edges_) {
    ASSIGN_OR_RETURN(std::optional<PropertyList> props, GetEdge(key));
    if (!props) continue;
    ASSIGN_OR_RETURN(std::optional<NodeRecordData> from, GetNode(key.src));
    ASSIGN_OR_RETURN(std::optional<NodeRecordData> to, GetNode(key.dst));
    if (!from || !to) continue;
    PropertyMap map = PropertiesByName(*props);
    RETURN_IF_ERROR(catalog_->ValidateEdge(catalog_->EdgeTypeName(key.type),
                                           LabelNames(from->labels), LabelNames(to->labels), map));
  }
  return absl::OkStatus();
}

absl::Status Transaction::Commit() {
  RETURN_IF_ERROR(CheckWritable());
  if (absl::Status s = CheckRequiredProperties(); !s.ok()) {
    Rollback();
    return s;
  }
  rocksdb::WriteBatch* wb = batch_->GetWriteBatch();
  auto* meta = store_->cf(Cf::kMeta);
  if (own_catalog_ != nullptr) {
    wb->Put(meta, std::string(MetaKey::kCatalog), own_catalog_->Serialize()).PermitUncheckedError();
  }
  if (node_ids_used_ > 0) {
    wb->Put(meta, std::string(MetaKey::kNextNodeId), std::to_string(store_->next_node_id()))
        .PermitUncheckedError();
  }
  if (edge_ids_used_ > 0) {
    wb->Put(meta, std::string(MetaKey::kNextEdgeId), std::to_string(store_->next_edge_id()))
        .PermitUncheckedError();
  }
  rocksdb::WriteOptions wo;
  wo.sync = store_->options().sync_on_commit;
  absl::Status s = wb->Count() == 0 ? absl::OkStatus()
                                    : FromRocks(store_->db()->Write(wo, wb), "commit failed");
  if (s.ok() && own_catalog_ != nullptr) store_->PublishCatalog(own_catalog_);
  Rollback();  // ends the transaction either way
  return s;
}

void Transaction::Rollback() {
  if (batch_ != nullptr) batch_->Clear();
  writer_.Release();
}

}  // namespace alliance::storage

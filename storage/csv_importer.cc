#include "storage/csv_importer.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <limits>
#include <mutex>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "schema/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "schema/status_macros.h"
#include "storage/edge_run_writer.h"
#include "storage/record_codec.h"
#include "storage/sharded_key_map.h"
#include "storage/sst_run_writer.h"
#include "storage/string_normalizer.h"
#include "storage/task_runner.h"

namespace alliance::storage {
namespace {

namespace fs = std::filesystem;

// How a property column of one file is stored for one label set or type.
struct ColumnPlan {
  int column = 0;
  uint32_t key = 0;
  const schema::PropertyDef* def = nullptr;  // null: undeclared
};

// The index entries one label of a node plan asks for.
struct LabelIndexPlan {
  uint32_t label = 0;
  const schema::LabelDef* def = nullptr;  // null: an undeclared label (free mode)
  std::optional<uint32_t> key_property;    // unique index
  std::vector<uint32_t> lookup_properties;
};

struct RowPlan {
  std::vector<ColumnPlan> columns;
  std::vector<std::string> required_missing_columns;  // declared required, no column
  std::vector<std::pair<std::string, int>> required_columns;  // name, column
  // Node plans: the indexes of each label, so rows need not consult the
  // catalog (which another part may be extending).
  std::vector<LabelIndexPlan> label_indexes;
  // Relationship plans: declared endpoints (label ids), if any.
  std::optional<uint32_t> from_label;
  std::optional<uint32_t> to_label;
  std::string owner;  // "label Organisation" / "relationship type MEMBER_OF"
};

// Distinct relationship records a part remembers (see EdgePart::record_cache).
constexpr size_t kRecordCacheSize = 4096;

// One thread's run writers: relationships, and the node and index column
// families indexed by Cf (meta has a single writer elsewhere).
struct WriterSet {
  std::unique_ptr<EdgeRunWriter> edges;
  std::array<std::unique_ptr<SstRunWriter>, static_cast<int>(Cf::kCount)> by_cf;
};

SstRunWriter& Writer(WriterSet& writers, Cf cf) { return *writers.by_cf[static_cast<int>(cf)]; }

// One slice of a node or relationship file, imported on its own thread into
// its own runs; a file that cannot be split is one part. Its n-th record gets
// id id_base + n.
struct FilePart {
  std::unique_ptr<CsvReader> reader;
  uint64_t id_base = 0;
  uint64_t lines = 0;  // physical lines: the ids reserved when the file is split
  WriterSet* writers = nullptr;
  bool reports_progress = false;
  uint64_t records = 0;
  absl::Status status;
};

// A relationship record parsed and encoded once for rows that repeat the
// same type and property text; stored once per run.
struct CachedRecord {
  std::string bytes;
  EdgeRunWriter::SharedRecord shared;
};

// A relationship read but not yet stored: its ids are looked up a batch at
// a time, so that the lookups (likely cache misses on large imports) overlap.
struct PendingEdge {
  int64_t line = 0;
  std::string start_id;
  std::string end_id;
  bool start_null = false;
  bool end_null = false;
  uint32_t type = 0;
  std::optional<uint32_t> from_label;
  std::optional<uint32_t> to_label;
  CachedRecord* record = nullptr;  // null with `deferred`
  // An error in the row's properties, reported once its ids (checked first)
  // turn out fine.
  absl::Status deferred;
};

struct EdgePart : FilePart {
  absl::flat_hash_map<uint32_t, RowPlan> plans;     // by type
  absl::flat_hash_map<std::string, uint32_t> types;  // type name -> id
  std::optional<uint32_t> default_type;
  // Records by type and raw property text: relationships of one kind often
  // repeat their properties, and then skip parsing, encoding and storing
  // them again. Node-based, so pending rows may point at entries; cleared
  // when full between batches.
  absl::node_hash_map<std::string, CachedRecord> record_cache;
  std::vector<PendingEdge> pending;
  size_t pending_count = 0;
  // The previous row's start node: files often list a node's relationships
  // together, and on large imports every id lookup is a likely cache miss.
  std::optional<std::string> last_start_id;
  NodeId last_start = 0;
  // The last start node found to carry its type's start label.
  std::optional<std::pair<NodeId, uint32_t>> last_start_checked;
  std::vector<NodeId> sources, targets;  // of the pending rows
};

// A file id or unique-index key a node part used, checked for duplicates
// once all parts of the file are done. The text is in the part's key_bytes.
struct NodeKeyEntry {
  uint64_t offset;
  uint32_t size;
  NodeId node;
  const schema::LabelDef* def;  // unique keys: the label declaring them
};

// A part's keys of one kind, by ShardedKeyMap shard, each in row order.
using ShardedEntries = std::array<std::vector<NodeKeyEntry>, ShardedKeyMap::kShards>;

struct NodePart : FilePart {
  absl::flat_hash_map<std::string, RowPlan> plans;    // by label set
  absl::flat_hash_map<std::string, uint32_t> labels;  // label name -> id
  // Per node begun (a failed row included): its line and file id.
  std::vector<int64_t> record_lines;
  ShardedEntries file_ids;
  // Per node finished: its labels, flattened, and unique keys.
  std::vector<uint32_t> label_start{0};
  std::vector<uint32_t> label_ids;
  ShardedEntries unique_keys;
  // The text of the keys of each kind, one after another: one buffer instead
  // of an allocation per key. The merged maps point into them, so they sit
  // on the heap where moving the part does not move them.
  std::unique_ptr<std::string> file_id_bytes = std::make_unique<std::string>();
  std::unique_ptr<std::string> unique_key_bytes = std::make_unique<std::string>();

  static void AddKey(ShardedEntries& entries, std::string& bytes, std::string_view key,
                     NodeId node, const schema::LabelDef* def) {
    entries[ShardedKeyMap::ShardOf(key)].push_back(
        NodeKeyEntry{bytes.size(), static_cast<uint32_t>(key.size()), node, def});
    bytes.append(key);
  }
};

// The nodes one file part imported, by id from `first`: for label checks of
// relationships and for messages.
struct NodeRange {
  NodeId first;
  int source;                          // index into the importer's source paths
  std::vector<int64_t> record_lines;   // per node begun
  std::vector<uint32_t> label_start;   // per node finished, into label_ids
  std::vector<uint32_t> label_ids;
};

// A node file's first duplicate key: its text, the node repeating it (ids
// grow in file order) and the node that used it first.
struct DuplicateKey {
  std::string key;
  NodeId node;
  NodeId first;
  const schema::LabelDef* def;
};

class Importer {
 public:
  Importer(Store& store, const ImportOptions& options)
      : store_(store),
        options_(options),
        threads_(ResolveThreadCount(options.threads)),
        catalog_(*store.catalog()) {}

  ~Importer() {
    if (snapshot_ != nullptr) store_.db()->ReleaseSnapshot(snapshot_);
    if (!scratch_.empty()) {
      std::error_code ec;
      fs::remove_all(scratch_, ec);
    }
  }

  absl::StatusOr<ImportStats> Run(const std::vector<ImportSource>& sources);

 private:
  absl::Status Prepare();
  // Opens a file in parts (one per thread when it can be split exactly) and
  // gives each part its slot's writers and a range of ids from `next_id`.
  template <typename Part>
  absl::StatusOr<std::vector<Part>> SplitFile(const std::string& path, uint64_t next_id);
  absl::Status ImportNodeFile(const ImportSource& source, int source_index);
  absl::Status ImportNodes(NodePart& part, const std::vector<uint32_t>& default_labels);
  // The finished part holding node `id`.
  const NodeRange& RangeOf(NodeId id) const;
  // Adds the keys of a node file's parts to `map`, shard by shard on every
  // core; the first duplicate in file order, if any.
  std::optional<DuplicateKey> MergeKeys(std::vector<NodePart>& parts,
                                        ShardedEntries NodePart::*keys,
                                        std::unique_ptr<std::string> NodePart::*bytes,
                                        ShardedKeyMap& map);
  absl::Status ImportRelationshipFile(const ImportSource& source);
  absl::Status ImportRelationships(EdgePart& part, const std::string& default_type);
  // Resolves and stores the part's pending relationships in file order; the
  // first error among them, if any.
  absl::Status StorePending(EdgePart& part, EdgeRunWriter& runs);
  absl::Status Ingest();
  absl::StatusOr<const RowPlan*> NodePlan(NodePart& part, const std::vector<uint32_t>& labels);
  absl::StatusOr<uint32_t> NodeLabel(NodePart& part, std::string_view name);
  absl::StatusOr<const RowPlan*> EdgePlan(EdgePart& part, uint32_t type);
  absl::StatusOr<uint32_t> EdgeType(EdgePart& part, std::string_view name);
  absl::Status ReadProperties(CsvReader& reader, const RowPlan& plan, PropertyList& out);
  // The node of a file id read from `column` on `line`.
  absl::StatusOr<NodeId> ResolveId(const CsvReader& reader, int column, std::string_view file_id,
                                   bool is_null, int64_t line) const;
  const ShardedKeyMap* IdsOf(const CsvReader& reader, int column) const;
  void ReportProgress(const CsvReader& reader, bool force);
  // The key id of a property name, added to the catalog when new. Callers
  // on part threads hold catalog_mutex_.
  uint32_t PropertyKey(const std::string& name);
  bool HasLabel(NodeId id, uint32_t label) const;
  // The line of an imported node, and "path:line", for messages.
  int64_t NodeLine(NodeId id) const;
  std::string NodeOrigin(NodeId id) const;

  Store& store_;
  const ImportOptions& options_;
  const int threads_;
  schema::Catalog catalog_;
  // Parts run on several threads; catalog reads and changes (new labels,
  // types and property keys) go through this lock.
  std::mutex catalog_mutex_;
  bool catalog_changed_ = false;
  std::string scratch_;
  std::unique_ptr<SstRunWriter> meta_writer_;
  std::vector<WriterSet> slots_;  // one per thread
  const rocksdb::Snapshot* snapshot_ = nullptr;
  bool database_empty_ = true;

  NodeId node_base_ = 0;
  uint64_t nodes_ = 0;
  EdgeId edge_base_ = 0;
  uint64_t edges_ = 0;
  // Ids handed out so far: parts of a split file take ids by line, so blank
  // lines leave gaps and these may exceed nodes_ and edges_.
  uint64_t node_id_span_ = 0;
  uint64_t edge_id_span_ = 0;
  // Imported nodes by id, one range per file part; ids between ranges are
  // gaps left by blank lines.
  std::vector<NodeRange> node_ranges_;
  // File id (per id group) -> node id.
  absl::flat_hash_map<std::string, ShardedKeyMap> ids_;
  // Unique-index key -> node, for duplicates across rows.
  ShardedKeyMap unique_keys_;
  // The text the maps' keys point into.
  std::vector<std::unique_ptr<std::string>> key_text_;
  std::vector<std::unique_ptr<std::string>> unique_key_text_;
  std::vector<std::string> source_paths_;

  ImportProgress progress_;
  std::atomic<uint64_t> part_rows_{0};  // rows done by parts, not yet in progress_
  std::chrono::steady_clock::time_point last_progress_;
};

// Records which declared-required properties have a column in this file.
void AddRequired(const CsvHeader& header, const std::vector<schema::PropertyDef>& declared,
                 RowPlan& plan) {
  for (const schema::PropertyDef& p : declared) {
    if (!p.required) continue;
    auto col = std::find_if(plan.columns.begin(), plan.columns.end(), [&](const ColumnPlan& c) {
      return header.columns[c.column].name == p.name;
    });
    if (col == plan.columns.end()) {
      plan.required_missing_columns.push_back(p.name);
    } else {
      plan.required_columns.emplace_back(p.name, col->column);
    }
  }
}

absl::Status Importer::Prepare() {
  char name[64];
  std::snprintf(name, sizeof name, "import-%d-%lld", static_cast<int>(::getpid()),
                static_cast<long long>(
                    std::chrono::steady_clock::now().time_since_epoch().count()));
  scratch_ = (fs::path(store_.path()) / name).string();
  std::error_code ec;
  fs::create_directories(scratch_, ec);
  if (ec) {
    return absl::InternalError(
        StrCat("cannot create scratch directory ", scratch_, ": ", ec.message()));
  }
  // The edge copies dominate; the indexes share the rest. Each thread's slot
  // gets its share of the budget.
  const size_t budget = options_.memory_budget_bytes;
  const std::pair<Cf, size_t> shares[] = {{Cf::kNodes, budget / 8},
                                          {Cf::kLabelIdx, budget / 16},
                                          {Cf::kUniqueIdx, budget / 16},
                                          {Cf::kLookupIdx, budget / 8}};
  const size_t edge_share = budget * 5 / 8;
  static const char* kNames[] = {"meta", "nodes", "out", "in", "label_idx", "unique_idx",
                                 "lookup_idx"};
  auto make_writer = [&](Cf cf, std::string name, size_t share) {
    return std::make_unique<SstRunWriter>(store_, cf, scratch_, std::move(name),
                                          std::max<size_t>(share, 1 << 20));
  };
  meta_writer_ = make_writer(Cf::kMeta, "meta", 1 << 20);
  slots_.resize(threads_);
  for (int k = 0; k < threads_; ++k) {
    for (auto [cf, share] : shares) {
      slots_[k].by_cf[static_cast<int>(cf)] =
          make_writer(cf, StrCat(kNames[static_cast<int>(cf)], "-", k), share / threads_);
    }
    slots_[k].edges = std::make_unique<EdgeRunWriter>(
        store_, scratch_, StrCat(k), std::max<size_t>(edge_share / threads_, 1 << 20));
  }
  node_base_ = store_.next_node_id();
  edge_base_ = store_.next_edge_id();
  snapshot_ = store_.db()->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(ro, store_.cf(Cf::kNodes)));
  it->SeekToFirst();
  database_empty_ = !it->Valid();
  return absl::OkStatus();
}

void Importer::ReportProgress(const CsvReader& reader, bool force) {
  if (!options_.progress) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_progress_ < std::chrono::milliseconds(200)) return;
  last_progress_ = now;
  ImportProgress p = progress_;
  p.rows += part_rows_.load(std::memory_order_relaxed);
  p.bytes_read += reader.bytes_read();
  options_.progress(p);
}

uint32_t Importer::PropertyKey(const std::string& name) {
  if (auto key = catalog_.FindPropertyKey(name)) return *key;
  catalog_changed_ = true;
  return catalog_.InternPropertyKey(name);
}

const NodeRange& Importer::RangeOf(NodeId id) const {
  auto it = std::upper_bound(node_ranges_.begin(), node_ranges_.end(), id,
                             [](NodeId id, const NodeRange& r) { return id < r.first; });
  return *std::prev(it);
}

bool Importer::HasLabel(NodeId id, uint32_t label) const {
  const NodeRange& r = RangeOf(id);
  const uint64_t i = id - r.first;
  const auto begin = r.label_ids.begin() + r.label_start[i];
  const auto end = r.label_ids.begin() + r.label_start[i + 1];
  return std::find(begin, end, label) != end;
}

int64_t Importer::NodeLine(NodeId id) const {
  const NodeRange& r = RangeOf(id);
  return r.record_lines[id - r.first];
}

std::string Importer::NodeOrigin(NodeId id) const {
  return StrCat(source_paths_[RangeOf(id).source], ":", NodeLine(id));
}

absl::StatusOr<uint32_t> Importer::NodeLabel(NodePart& part, std::string_view name) {
  auto it = part.labels.find(ToAbsl(name));
  if (it != part.labels.end()) return it->second;
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  uint32_t label;
  if (auto id = catalog_.FindLabel(name);
      id && (catalog_.mode() == schema::SchemaMode::kFree || catalog_.FindLabelDef(name))) {
    label = *id;
  } else if (catalog_.mode() == schema::SchemaMode::kEnforced) {
    return part.reader->Error(StrCat("schema violation: unknown label '", name, "'"));
  } else {
    catalog_changed_ = true;
    label = catalog_.InternLabel(name);
  }
  part.labels.emplace(std::string(name), label);
  return label;
}

// Plans are per part and label set: the schema lookups happen once, not per row.
absl::StatusOr<const RowPlan*> Importer::NodePlan(NodePart& part,
                                                  const std::vector<uint32_t>& labels) {
  std::string cache_key(reinterpret_cast<const char*>(labels.data()),
                        labels.size() * sizeof(uint32_t));
  auto it = part.plans.find(cache_key);
  if (it != part.plans.end()) return &it->second;
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  RowPlan plan;
  std::vector<const schema::LabelDef*> defs;
  std::vector<std::string> names;
  for (uint32_t l : labels) {
    names.push_back(catalog_.LabelName(l));
    LabelIndexPlan& index = plan.label_indexes.emplace_back();
    index.label = l;
    index.def = catalog_.FindLabelDef(catalog_.LabelName(l));
    if (index.def != nullptr) defs.push_back(index.def);
  }
  plan.owner = StrCat("label ", absl::StrJoin(names, ":"));
  const CsvHeader& header = part.reader->header();
  for (int i = 0; i < static_cast<int>(header.columns.size()); ++i) {
    const CsvColumn& col = header.columns[i];
    const bool stored_id = col.kind == CsvColumn::Kind::kId && !col.name.empty();
    if (col.kind != CsvColumn::Kind::kProperty && !stored_id) continue;
    const schema::PropertyDef* def = nullptr;
    for (const schema::LabelDef* d : defs) {
      if ((def = d->FindProperty(col.name)) != nullptr) break;
    }
    // neo4j-admin stores a named id column as a property; under an enforced
    // schema only where the label declares it, since the id mainly links rows.
    if (stored_id && def == nullptr && catalog_.mode() == schema::SchemaMode::kEnforced) continue;
    plan.columns.push_back(ColumnPlan{i, 0, def});
  }
  for (const schema::LabelDef* d : defs) AddRequired(header, d->properties, plan);
  for (ColumnPlan& c : plan.columns) c.key = PropertyKey(header.columns[c.column].name);
  // After the columns' keys are known: an index on a property with no column
  // finds no value and adds no entry.
  for (LabelIndexPlan& index : plan.label_indexes) {
    if (index.def == nullptr) continue;
    if (!index.def->key_property.empty()) {
      index.key_property = catalog_.FindPropertyKey(index.def->key_property);
    }
    for (const std::string& lookup : index.def->lookup_properties) {
      if (auto pk = catalog_.FindPropertyKey(lookup)) index.lookup_properties.push_back(*pk);
    }
  }
  return &part.plans.emplace(std::move(cache_key), std::move(plan)).first->second;
}

absl::StatusOr<const RowPlan*> Importer::EdgePlan(EdgePart& part, uint32_t type) {
  auto it = part.plans.find(type);
  if (it != part.plans.end()) return &it->second;
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  RowPlan plan;
  const std::string& type_name = catalog_.EdgeTypeName(type);
  plan.owner = StrCat("relationship type ", type_name);
  const schema::EdgeTypeDef* def = catalog_.FindEdgeTypeDef(type_name);
  if (def != nullptr) {
    plan.from_label = catalog_.FindLabel(def->from_label);
    plan.to_label = catalog_.FindLabel(def->to_label);
  }
  const CsvHeader& header = part.reader->header();
  for (int i = 0; i < static_cast<int>(header.columns.size()); ++i) {
    const CsvColumn& col = header.columns[i];
    if (col.kind != CsvColumn::Kind::kProperty) continue;
    const schema::PropertyDef* p = def != nullptr ? def->FindProperty(col.name) : nullptr;
    plan.columns.push_back(ColumnPlan{i, PropertyKey(col.name), p});
  }
  if (def != nullptr) AddRequired(header, def->properties, plan);
  return &part.plans.emplace(type, std::move(plan)).first->second;
}

absl::StatusOr<uint32_t> Importer::EdgeType(EdgePart& part, std::string_view name) {
  auto it = part.types.find(ToAbsl(name));
  if (it != part.types.end()) return it->second;
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  uint32_t type;
  if (auto id = catalog_.FindEdgeType(name);
      id && (catalog_.mode() == schema::SchemaMode::kFree || catalog_.FindEdgeTypeDef(name))) {
    type = *id;
  } else if (catalog_.mode() == schema::SchemaMode::kEnforced) {
    return part.reader->Error(StrCat("schema violation: unknown relationship type '", name, "'"));
  } else {
    catalog_changed_ = true;
    type = catalog_.InternEdgeType(name);
  }
  part.types.emplace(std::string(name), type);
  return type;
}

absl::Status Importer::ReadProperties(CsvReader& reader, const RowPlan& plan, PropertyList& out) {
  out.clear();
  if (!plan.required_missing_columns.empty()) {
    return reader.Error(StrCat("schema violation: ", plan.owner, " requires property '",
                                     plan.required_missing_columns.front(),
                                     "' but the file has no such column"));
  }
  for (const auto& [name, column] : plan.required_columns) {
    if (reader.field_is_null(column)) {
      return reader.Error(StrCat("schema violation: ", plan.owner, " requires property '",
                                       name, "', which is empty here"));
    }
  }
  const bool enforced = catalog_.mode() == schema::SchemaMode::kEnforced;
  for (const ColumnPlan& c : plan.columns) {
    if (reader.field_is_null(c.column)) continue;
    absl::StatusOr<Value> value = reader.TypedField(c.column);
    if (!value.ok()) return value.status();
    if (value->is_null()) continue;
    const std::string& name = reader.header().columns[c.column].name;
    if (c.def == nullptr) {
      if (enforced) {
        return reader.Error(StrCat("schema violation: ", plan.owner, " has no property '",
                                         name, "' (value ", value->ToString(), ")"));
      }
    } else {
      if (!schema::ConformsTo(*c.def, *value)) {
        return reader.Error(StrCat("schema violation: ", plan.owner, " property '", name,
                                         "' is declared ", c.def->TypeText(), ", got ",
                                         value->ToString()));
      }
    }
    if (absl::Status s = NormalizeValue(*value); !s.ok()) {
      return reader.Error(StrCat("column '", name, "': ", s.message()));
    }
    out.emplace_back(c.key, *std::move(value));
  }
  SortProperties(out);
  return absl::OkStatus();
}

template <typename Part>
absl::StatusOr<std::vector<Part>> Importer::SplitFile(const std::string& path, uint64_t next_id) {
  ASSIGN_OR_RETURN(std::vector<CsvReader::Part> split,
                   CsvReader::OpenParts(path, options_.csv, threads_));
  std::vector<Part> parts(split.size());
  for (size_t k = 0; k < split.size(); ++k) {
    parts[k].reader = std::move(split[k].reader);
    parts[k].id_base = next_id;
    parts[k].lines = split[k].lines;
    next_id += split[k].lines;
    parts[k].writers = &slots_[k];
  }
  parts.front().reports_progress = true;
  return parts;
}

// The ids taken once a file's parts are done: one part's are dense; split
// parts reserved a range per line.
template <typename Part>
uint64_t IdSpanAfter(const std::vector<Part>& parts, uint64_t base, uint64_t span) {
  if (parts.size() == 1) return span + parts.front().records;
  return parts.back().id_base + parts.back().lines - base;
}

absl::Status Importer::ImportNodeFile(const ImportSource& source, int source_index) {
  ASSIGN_OR_RETURN(std::vector<NodePart> parts,
                   SplitFile<NodePart>(source.path, node_base_ + node_id_span_));
  std::vector<uint32_t> default_labels;
  for (absl::string_view l : absl::StrSplit(source.default_label_or_type, ':')) {
    if (l.empty()) continue;
    ASSIGN_OR_RETURN(uint32_t id, NodeLabel(parts.front(), std::string_view(l.data(), l.size())));
    default_labels.push_back(id);
  }
  RunTasks(parts.size(), threads_, [&](size_t k) {
    parts[k].status = ImportNodes(parts[k], default_labels);
  });
  // The parts' nodes become ranges now, so that messages can name any node.
  for (NodePart& part : parts) {
    node_ranges_.push_back(NodeRange{part.id_base, source_index, std::move(part.record_lines),
                                     std::move(part.label_start), std::move(part.label_ids)});
  }
  const CsvHeader& header = parts.front().reader->header();
  ShardedKeyMap& id_map =
      ids_[header.id_column >= 0 ? header.columns[header.id_column].id_group : ""];
  const std::optional<DuplicateKey> id_duplicate =
      MergeKeys(parts, &NodePart::file_ids, &NodePart::file_id_bytes, id_map);
  const std::optional<DuplicateKey> key_duplicate =
      MergeKeys(parts, &NodePart::unique_keys, &NodePart::unique_key_bytes, unique_keys_);
  // The maps point into the parts' key text.
  for (NodePart& part : parts) {
    key_text_.push_back(std::move(part.file_id_bytes));
    unique_key_text_.push_back(std::move(part.unique_key_bytes));
  }
  // The first error in file order: parts stop at their first error, and on
  // one line a duplicate id (checked first in a row) comes before the row's
  // own error, which comes before a duplicate unique key.
  struct Candidate {
    int64_t line;
    int rank;
    absl::Status status;
  };
  std::optional<Candidate> first;
  auto consider = [&](Candidate c) {
    if (!first || std::tie(c.line, c.rank) < std::tie(first->line, first->rank)) {
      first = std::move(c);
    }
  };
  for (const NodePart& part : parts) {
    if (!part.status.ok()) {
      consider({part.reader->line(), 1, part.status});
      break;
    }
  }
  const std::string& path = source.path;
  if (id_duplicate) {
    const int64_t line = NodeLine(id_duplicate->node);
    consider({line, 0,
              absl::InvalidArgumentError(StrCat(path, ":", line, ": duplicate node id '",
                                                id_duplicate->key, "' (first used at ",
                                                NodeOrigin(id_duplicate->first), ")"))});
  }
  if (key_duplicate) {
    const schema::LabelDef* def = key_duplicate->def;
    const int64_t line = NodeLine(key_duplicate->node);
    // The key is label, property, then the value's ordered encoding.
    absl::StatusOr<std::pair<Value, size_t>> value =
        DecodeOrderedValue(std::string_view(key_duplicate->key).substr(8));
    consider({line, 2,
              absl::InvalidArgumentError(StrCat(
                  path, ":", line, ": schema violation: duplicate key ", def->name, " ",
                  def->key_property, " ",
                  value.ok() ? value->first.ToString() : "(undecodable)", " (first at ",
                  NodeOrigin(key_duplicate->first), ")"))});
  }
  if (first) return first->status;
  for (const NodePart& part : parts) {
    nodes_ += part.records;
    progress_.bytes_read += part.reader->bytes_read();
  }
  node_id_span_ = IdSpanAfter(parts, node_base_, node_id_span_);
  progress_.rows += part_rows_.exchange(0);
  return absl::OkStatus();
}

absl::Status Importer::ImportNodes(NodePart& part, const std::vector<uint32_t>& default_labels) {
  CsvReader& reader = *part.reader;
  const CsvHeader& header = reader.header();
  const bool enforced = catalog_.mode() == schema::SchemaMode::kEnforced;
  SstRunWriter& node_runs = Writer(*part.writers, Cf::kNodes);
  SstRunWriter& label_runs = Writer(*part.writers, Cf::kLabelIdx);
  SstRunWriter& unique_runs = Writer(*part.writers, Cf::kUniqueIdx);
  SstRunWriter& lookup_runs = Writer(*part.writers, Cf::kLookupIdx);
  std::vector<uint32_t> labels;
  const RowPlan* plan = nullptr;
  std::string last_label_text;
  bool last_label_quoted = false;
  NodeRecordData record;
  std::string key;
  std::vector<Value> values;
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    // Rows of a file mostly repeat their :LABEL text; the labels and the plan
    // follow from it (and the quoting), so they are worked out once per change.
    const bool has_label_field =
        header.label_column >= 0 && !reader.field_is_null(header.label_column);
    const std::string_view label_text =
        has_label_field ? reader.raw_field(header.label_column) : std::string_view();
    const bool label_quoted = has_label_field && reader.field_is_quoted(header.label_column);
    if (plan == nullptr || label_text != last_label_text || label_quoted != last_label_quoted) {
      labels = default_labels;
      if (has_label_field) {
        ASSIGN_OR_RETURN(Value names, reader.TypedField(header.label_column));
        if (names.type() == Value::Type::kList) {
          for (const Value& n : names.as_list()) {
            if (n.as_string().empty()) continue;
            ASSIGN_OR_RETURN(uint32_t id, NodeLabel(part, n.as_string()));
            labels.push_back(id);
          }
        }
      }
      std::sort(labels.begin(), labels.end());
      labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
      if (labels.empty() && enforced) {
        return reader.Error("schema violation: the node has no label (add a :LABEL column or "
                            "give the file a default label)");
      }
      ASSIGN_OR_RETURN(plan, NodePlan(part, labels));
      last_label_text.assign(label_text);
      last_label_quoted = label_quoted;
      record.labels = labels;
    }
    const NodeId id = part.id_base + part.records;
    // Ids are checked for duplicates when the parts are merged.
    if (header.id_column >= 0) {
      if (reader.field_is_null(header.id_column)) return reader.Error("the node id is empty");
      const std::string_view file_id = reader.raw_field(header.id_column);
      NodePart::AddKey(part.file_ids, *part.file_id_bytes, file_id, id, nullptr);
    }
    part.record_lines.push_back(reader.line());
    RETURN_IF_ERROR(ReadProperties(reader, *plan, record.properties));

    auto find = [&](uint32_t k) -> const Value* {
      for (const auto& [pk, v] : record.properties) {
        if (pk == k) return &v;
      }
      return nullptr;
    };
    for (const LabelIndexPlan& index : plan->label_indexes) {
      RETURN_IF_ERROR(label_runs.Add(LabelIndexKey(index.label, id), ""));
      if (index.def == nullptr) continue;
      if (const Value* v = index.key_property ? find(*index.key_property) : nullptr) {
        ASSIGN_OR_RETURN(key, UniqueIndexKey(index.label, *index.key_property, *v));
        if (!database_empty_) {
          rocksdb::ReadOptions ro;
          ro.snapshot = snapshot_;
          std::string existing;
          if (store_.db()->Get(ro, store_.cf(Cf::kUniqueIdx), key, &existing).ok()) {
            return reader.Error(StrCat(
                "schema violation: duplicate key ", index.def->name, " ",
                index.def->key_property, " ", v->ToString(), " (already in the database as node ",
                existing.size() == 8 ? ReadU64(existing.data()) : 0, ")"));
          }
        }
        RETURN_IF_ERROR(unique_runs.Add(key, NodeKey(id)));
        NodePart::AddKey(part.unique_keys, *part.unique_key_bytes, key, id, index.def);
      }
      for (uint32_t pk : index.lookup_properties) {
        const Value* v = find(pk);
        if (v == nullptr) continue;
        if (v->type() == Value::Type::kList) {
          values = v->as_list();
        } else {
          values.assign(1, *v);
        }
        std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
          return a.ToString() < b.ToString();
        });
        values.erase(std::unique(values.begin(), values.end()), values.end());
        for (const Value& element : values) {
          ASSIGN_OR_RETURN(key, LookupIndexPrefix(index.label, pk, element));
          AppendU64(key, id);
          RETURN_IF_ERROR(lookup_runs.Add(key, ""));
        }
      }
    }
    RETURN_IF_ERROR(node_runs.Add(NodeKey(id), EncodeNodeRecord(record)));
    part.label_ids.insert(part.label_ids.end(), labels.begin(), labels.end());
    part.label_start.push_back(static_cast<uint32_t>(part.label_ids.size()));
    ++part.records;
    if ((part.records & 0xfff) == 0) {
      part_rows_.fetch_add(0x1000, std::memory_order_relaxed);
      if (part.reports_progress) ReportProgress(reader, false);
    }
  }
  part_rows_.fetch_add(part.records & 0xfff, std::memory_order_relaxed);
  return absl::OkStatus();
}

std::optional<DuplicateKey> Importer::MergeKeys(std::vector<NodePart>& parts,
                                                ShardedEntries NodePart::*keys,
                                                std::unique_ptr<std::string> NodePart::*bytes,
                                                ShardedKeyMap& map) {
  // Each shard takes its keys in file order, so the node kept is the first
  // and the duplicate found is the shard's earliest.
  std::array<std::optional<DuplicateKey>, ShardedKeyMap::kShards> found;
  RunTasks(ShardedKeyMap::kShards, threads_, [&](size_t s) {
    const int shard = static_cast<int>(s);
    size_t count = 0;
    for (const NodePart& part : parts) count += (part.*keys)[s].size();
    map.Reserve(shard, count);
    for (const NodePart& part : parts) {
      for (const NodeKeyEntry& entry : (part.*keys)[s]) {
        const std::string_view key =
            std::string_view(*(part.*bytes)).substr(entry.offset, entry.size);
        auto [node, inserted] = map.Insert(shard, key, entry.node);
        if (!inserted) {
          found[s] = DuplicateKey{std::string(key), entry.node, node, entry.def};
          return;
        }
      }
    }
  });
  std::optional<DuplicateKey> first;
  for (auto& d : found) {
    if (d && (!first || d->node < first->node)) first = std::move(d);
  }
  return first;
}

const ShardedKeyMap* Importer::IdsOf(const CsvReader& reader, int column) const {
  auto group = ids_.find(reader.header().columns[column].id_group);
  return group == ids_.end() ? nullptr : &group->second;
}

absl::StatusOr<NodeId> Importer::ResolveId(const CsvReader& reader, int column,
                                           std::string_view file_id, bool is_null,
                                           int64_t line) const {
  const CsvColumn& col = reader.header().columns[column];
  if (is_null) return reader.ErrorAt(line, StrCat("column ", col.DisplayName(), " is empty"));
  if (const ShardedKeyMap* ids = IdsOf(reader, column)) {
    if (const NodeId* id = ids->Find(file_id)) return *id;
  }
  return reader.ErrorAt(
      line, StrCat(col.kind == CsvColumn::Kind::kStartId ? "start" : "end", " node id '",
                   file_id, "' is not defined by any node file",
                   col.id_group.empty() ? "" : StrCat(" in id group '", col.id_group, "'")));
}

// Imports the parts of a relationship file side by side. The error reported
// is the first in the file.
absl::Status Importer::ImportRelationshipFile(const ImportSource& source) {
  ASSIGN_OR_RETURN(std::vector<EdgePart> parts,
                   SplitFile<EdgePart>(source.path, edge_base_ + edge_id_span_));
  if (parts.front().reader->header().type_column < 0 && source.default_label_or_type.empty()) {
    return absl::InvalidArgumentError(StrCat(
        source.path, ":1: relationship file has no :TYPE column and no default type"));
  }
  RunTasks(parts.size(), threads_, [&](size_t k) {
    parts[k].status = ImportRelationships(parts[k], source.default_label_or_type);
  });
  for (EdgePart& part : parts) {
    RETURN_IF_ERROR(part.status);
    edges_ += part.records;
    progress_.bytes_read += part.reader->bytes_read();
  }
  edge_id_span_ = IdSpanAfter(parts, edge_base_, edge_id_span_);
  progress_.rows += part_rows_.exchange(0);
  return absl::OkStatus();
}

// Rows in a batch of pending relationships.
constexpr size_t kEdgeBatch = 64;

absl::Status Importer::ImportRelationships(EdgePart& part, const std::string& default_type) {
  CsvReader& reader = *part.reader;
  const CsvHeader& header = reader.header();
  EdgeRunWriter& runs = *part.writers->edges;
  const ShardedKeyMap* start_ids = IdsOf(reader, header.start_column);
  const ShardedKeyMap* end_ids = IdsOf(reader, header.end_column);
  part.pending.resize(kEdgeBatch);
  PropertyList props;
  std::string record_key;
  // An error in a row comes after any in the pending rows before it.
  auto fail = [&](absl::Status error) {
    RETURN_IF_ERROR(StorePending(part, runs));
    return error;
  };
  while (true) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return fail(more.status());
    if (!*more) break;
    PendingEdge& row = part.pending[part.pending_count];
    row.line = reader.line();
    if (header.type_column >= 0 && !reader.field_is_null(header.type_column)) {
      absl::StatusOr<uint32_t> type = EdgeType(part, reader.raw_field(header.type_column));
      if (!type.ok()) return fail(type.status());
      row.type = *type;
    } else if (!default_type.empty()) {
      if (!part.default_type) {
        absl::StatusOr<uint32_t> type = EdgeType(part, default_type);
        if (!type.ok()) return fail(type.status());
        part.default_type = *type;
      }
      row.type = *part.default_type;
    } else {
      return fail(reader.Error("the relationship type is empty"));
    }
    absl::StatusOr<const RowPlan*> plan = EdgePlan(part, row.type);
    if (!plan.ok()) return fail(plan.status());
    row.from_label = (*plan)->from_label;
    row.to_label = (*plan)->to_label;
    row.start_null = reader.field_is_null(header.start_column);
    row.end_null = reader.field_is_null(header.end_column);
    row.start_id.assign(reader.raw_field(header.start_column));
    row.end_id.assign(reader.raw_field(header.end_column));
    if (end_ids != nullptr) end_ids->Prefetch(row.end_id);
    if (start_ids != nullptr && part.last_start_id != row.start_id) {
      start_ids->Prefetch(row.start_id);
    }
    // The record depends only on the type and the property fields as read.
    record_key.assign(reinterpret_cast<const char*>(&row.type), sizeof row.type);
    for (const ColumnPlan& c : (*plan)->columns) {
      const std::string_view raw = reader.raw_field(c.column);
      const uint32_t size = static_cast<uint32_t>(raw.size());
      record_key.push_back(reader.field_is_quoted(c.column) ? 'q' : 'u');
      record_key.append(reinterpret_cast<const char*>(&size), sizeof size);
      record_key.append(raw);
    }
    auto cached = part.record_cache.find(record_key);
    row.deferred = absl::OkStatus();
    if (cached != part.record_cache.end()) {
      row.record = &cached->second;
    } else if (absl::Status s = ReadProperties(reader, **plan, props); !s.ok()) {
      row.record = nullptr;
      row.deferred = std::move(s);
      ++part.pending_count;
      return fail(row.deferred);
    } else {
      row.record = &part.record_cache
                        .emplace(record_key, CachedRecord{EncodeEdgeRecord(props)})
                        .first->second;
    }
    if (++part.pending_count == kEdgeBatch) {
      RETURN_IF_ERROR(StorePending(part, runs));
      if (part.reports_progress) ReportProgress(reader, false);
    }
  }
  RETURN_IF_ERROR(StorePending(part, runs));
  part_rows_.fetch_add(part.records & 0xfff, std::memory_order_relaxed);
  return absl::OkStatus();
}

absl::Status Importer::StorePending(EdgePart& part, EdgeRunWriter& runs) {
  const CsvReader& reader = *part.reader;
  const CsvHeader& header = reader.header();
  const size_t n = part.pending_count;
  part.pending_count = 0;
  // First every id (the lookups were prefetched), then labels and stores, so
  // that an error is the first in file order whichever stage finds it.
  part.sources.resize(n);
  part.targets.resize(n);
  size_t resolved = 0;
  absl::Status resolve_error;
  for (; resolved < n; ++resolved) {
    PendingEdge& row = part.pending[resolved];
    if (row.start_null || part.last_start_id != row.start_id) {
      absl::StatusOr<NodeId> src =
          ResolveId(reader, header.start_column, row.start_id, row.start_null, row.line);
      if (!src.ok()) {
        resolve_error = src.status();
        break;
      }
      part.last_start = *src;
      part.last_start_id = row.start_id;
    }
    part.sources[resolved] = part.last_start;
    absl::StatusOr<NodeId> dst =
        ResolveId(reader, header.end_column, row.end_id, row.end_null, row.line);
    if (!dst.ok()) {
      resolve_error = dst.status();
      break;
    }
    part.targets[resolved] = *dst;
  }
  for (size_t i = 0; i < resolved; ++i) {
    PendingEdge& row = part.pending[i];
    const NodeId src = part.sources[i], dst = part.targets[i];
    const bool start_ok = !row.from_label ||
                          part.last_start_checked == std::pair(src, row.type) ||
                          HasLabel(src, *row.from_label);
    if (start_ok && row.from_label) part.last_start_checked = std::pair(src, row.type);
    if (!start_ok || (row.to_label && !HasLabel(dst, *row.to_label))) {
      std::lock_guard<std::mutex> lock(catalog_mutex_);
      const schema::EdgeTypeDef* def = catalog_.FindEdgeTypeDef(catalog_.EdgeTypeName(row.type));
      return reader.ErrorAt(
          row.line, StrCat("schema violation: relationship type ", def->name, " goes from ",
                           def->from_label, " to ", def->to_label, "; '", row.start_id,
                           "' -> '", row.end_id, "' does not"));
    }
    RETURN_IF_ERROR(row.deferred);
    const EdgeKey edge{src, row.type, dst, part.id_base + part.records};
    RETURN_IF_ERROR(runs.Add(edge, row.record->bytes, &row.record->shared));
    if ((++part.records & 0xfff) == 0) part_rows_.fetch_add(0x1000, std::memory_order_relaxed);
  }
  RETURN_IF_ERROR(resolve_error);
  // Between batches no pending row points into the cache.
  if (part.record_cache.size() >= kRecordCacheSize) part.record_cache.clear();
  return absl::OkStatus();
}

absl::Status Importer::Ingest() {
  // Meta keys in sorted order: catalog < next_edge_id < next_node_id.
  if (catalog_changed_) {
    RETURN_IF_ERROR(meta_writer_->Add(MetaKey::kCatalog, catalog_.Serialize()));
  }
  if (edge_id_span_ > 0) {
    RETURN_IF_ERROR(
        meta_writer_->Add(MetaKey::kNextEdgeId, std::to_string(edge_base_ + edge_id_span_)));
  }
  if (node_id_span_ > 0) {
    RETURN_IF_ERROR(
        meta_writer_->Add(MetaKey::kNextNodeId, std::to_string(node_base_ + node_id_span_)));
  }
  // Every writer finishes as one task; the big ones (relationships) first, so
  // they sort and write side by side.
  struct FinishTask {
    size_t bytes;
    std::function<absl::Status()> finish;
  };
  std::vector<FinishTask> tasks;
  std::array<std::vector<std::string>, static_cast<int>(Cf::kCount)> files;
  auto add_writer = [&](SstRunWriter* w) {
    tasks.push_back({w->buffered_bytes(), [w] { return w->Finish(); }});
  };
  add_writer(meta_writer_.get());
  for (WriterSet& slot : slots_) {
    for (auto& w : slot.by_cf) {
      if (w != nullptr) add_writer(w.get());
    }
    EdgeRunWriter* edges = slot.edges.get();
    tasks.push_back({edges->buffered_bytes(), [edges] { return edges->Finish(); }});
  }
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const FinishTask& a, const FinishTask& b) { return a.bytes > b.bytes; });
  std::vector<absl::Status> finished(tasks.size());
  RunTasks(tasks.size(), threads_, [&](size_t i) { finished[i] = tasks[i].finish(); });
  for (const absl::Status& s : finished) RETURN_IF_ERROR(s);
  auto add_files = [&](Cf cf, const std::vector<std::string>& paths) {
    auto& list = files[static_cast<int>(cf)];
    list.insert(list.end(), paths.begin(), paths.end());
  };
  add_files(Cf::kMeta, meta_writer_->files());
  for (WriterSet& slot : slots_) {
    for (auto& w : slot.by_cf) {
      if (w != nullptr) add_files(w->cf(), w->files());
    }
    add_files(Cf::kOut, slot.edges->out_files());
    add_files(Cf::kIn, slot.edges->in_files());
  }
  // One argument per column family, holding every run written for it.
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int cf = 0; cf < static_cast<int>(Cf::kCount); ++cf) {
    if (files[cf].empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.external_files = std::move(files[cf]);
    arg.column_family = store_.cf(static_cast<Cf>(cf));
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    args.push_back(std::move(arg));
  }
  if (options_.dry_run || args.empty()) return absl::OkStatus();
  rocksdb::Status s = store_.db()->IngestExternalFiles(args);
  if (!s.ok()) {
    return absl::InternalError(StrCat("import could not be committed: ", s.ToString()));
  }
  store_.AllocateNodeIds(node_id_span_);
  store_.AllocateEdgeIds(edge_id_span_);
  if (catalog_changed_) store_.PublishCatalog(std::make_shared<const schema::Catalog>(catalog_));
  return absl::OkStatus();
}

absl::StatusOr<ImportStats> Importer::Run(const std::vector<ImportSource>& sources) {
  const auto start = std::chrono::steady_clock::now();
  if (store_.read_only()) {
    return absl::FailedPreconditionError(
        StrCat("database ", store_.path(), " is open read-only: import refused"));
  }
  WriterSlot::Guard writer = store_.AcquireWriter();
  if (!writer.held()) {
    return absl::UnavailableError("another write transaction is open on this database");
  }
  RETURN_IF_ERROR(Prepare());
  // Node files first, whatever the order given, so relationships can refer to them.
  std::vector<std::pair<std::unique_ptr<CsvReader>, const ImportSource*>> node_files, edge_files;
  for (const ImportSource& source : sources) {
    ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(source.path, options_.csv));
    const CsvHeader& header = reader->header();
    bool relationships = source.kind == ImportSource::Kind::kRelationships ||
                         (source.kind == ImportSource::Kind::kDetect &&
                          header.is_relationship_file());
    if (relationships && !header.is_relationship_file()) {
      return absl::InvalidArgumentError(StrCat(
          source.path, ":1: a relationship file needs :START_ID and :END_ID columns"));
    }
    if (!relationships && !header.is_node_file()) {
      return absl::InvalidArgumentError(
          StrCat(source.path, ":1: a node file cannot have :START_ID or :END_ID columns"));
    }
    std::error_code ec;
    progress_.bytes_total += fs::file_size(source.path, ec);
    (relationships ? edge_files : node_files).emplace_back(std::move(reader), &source);
  }
  auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  ImportStats stats;
  auto phase = std::chrono::steady_clock::now();
  for (auto& [reader, source] : node_files) {
    reader.reset();  // reopened in parts
    source_paths_.push_back(source->path);
    RETURN_IF_ERROR(ImportNodeFile(*source, static_cast<int>(source_paths_.size()) - 1));
  }
  // Free what only node files needed before the relationship pass.
  unique_keys_ = {};
  unique_key_text_.clear();
  stats.node_seconds = since(phase);
  phase = std::chrono::steady_clock::now();
  for (auto& [reader, source] : edge_files) {
    reader.reset();  // reopened in parts
    RETURN_IF_ERROR(ImportRelationshipFile(*source));
  }
  stats.relationship_seconds = since(phase);
  if (options_.progress) options_.progress(progress_);
  phase = std::chrono::steady_clock::now();
  absl::Status ingested = Ingest();
  store_.db()->ReleaseSnapshot(snapshot_);
  snapshot_ = nullptr;
  RETURN_IF_ERROR(ingested);
  stats.commit_seconds = since(phase);
  stats.nodes = nodes_;
  stats.relationships = edges_;
  stats.bytes_read = progress_.bytes_read;
  stats.sst_files = meta_writer_->files().size();
  for (WriterSet& slot : slots_) {
    for (auto& w : slot.by_cf) {
      if (w != nullptr) stats.sst_files += w->files().size();
    }
    stats.sst_files += slot.edges->out_files().size() + slot.edges->in_files().size();
  }
  stats.seconds = since(start);
  return stats;
}

}  // namespace

absl::StatusOr<ImportStats> ImportCsv(Store& store, const std::vector<ImportSource>& sources,
                                      const ImportOptions& options) {
  Importer importer(store, options);
  return importer.Run(sources);
}

}  // namespace alliance::storage

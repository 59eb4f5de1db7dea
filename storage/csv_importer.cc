#include "storage/csv_importer.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "schema/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "schema/status_macros.h"
#include "storage/record_codec.h"
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

struct RowPlan {
  std::vector<ColumnPlan> columns;
  std::vector<std::string> required_missing_columns;  // declared required, no column
  std::vector<std::pair<std::string, int>> required_columns;  // name, column
  // Relationship plans: declared endpoints (label ids), if any.
  std::optional<uint32_t> from_label;
  std::optional<uint32_t> to_label;
  std::string owner;  // "label Organisation" / "relationship type MEMBER_OF"
};

// One slice of a relationship file, imported on its own thread into its own
// runs; a file that cannot be split is one part.
struct EdgePart {
  std::unique_ptr<CsvReader> reader;
  EdgeId id_base = 0;  // the part's n-th record gets id_base + n
  SstRunWriter* out = nullptr;
  SstRunWriter* in = nullptr;
  bool reports_progress = false;
  absl::flat_hash_map<uint32_t, RowPlan> plans;     // by type
  absl::flat_hash_map<std::string, uint32_t> types;  // type name -> id
  std::optional<uint32_t> default_type;
  uint64_t edges = 0;
  absl::Status status;
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
  absl::Status ImportNodes(CsvReader& reader, const std::string& default_label, int source);
  absl::Status ImportRelationshipFile(const ImportSource& source);
  absl::Status ImportRelationships(EdgePart& part, const std::string& default_type);
  absl::Status Ingest();
  absl::StatusOr<const RowPlan*> NodePlan(CsvReader& reader, const std::vector<uint32_t>& labels);
  absl::StatusOr<const RowPlan*> EdgePlan(EdgePart& part, uint32_t type);
  absl::StatusOr<uint32_t> EdgeType(EdgePart& part, std::string_view name);
  absl::Status ReadProperties(CsvReader& reader, const RowPlan& plan, PropertyList& out);
  absl::StatusOr<NodeId> ResolveId(CsvReader& reader, int column) const;
  void ReportProgress(const CsvReader& reader, bool force);
  // The key id of a property name, added to the catalog when new.
  uint32_t PropertyKey(const std::string& name);
  bool HasLabel(NodeId id, uint32_t label) const;

  Store& store_;
  const ImportOptions& options_;
  const int threads_;
  schema::Catalog catalog_;
  // Relationship parts run on several threads; catalog reads and changes
  // (new types and property keys) go through this lock.
  std::mutex catalog_mutex_;
  bool catalog_changed_ = false;
  std::string scratch_;
  std::vector<std::unique_ptr<SstRunWriter>> writers_;  // indexed by Cf
  // Out/in runs of relationship part slot k (one slot per thread).
  std::vector<std::pair<std::unique_ptr<SstRunWriter>, std::unique_ptr<SstRunWriter>>>
      edge_writers_;
  const rocksdb::Snapshot* snapshot_ = nullptr;
  bool database_empty_ = true;

  NodeId node_base_ = 0;
  uint64_t nodes_ = 0;
  EdgeId edge_base_ = 0;
  uint64_t edges_ = 0;
  // Edge ids handed out so far: parts of a split file take ids by line, so
  // blank lines leave gaps and this may exceed edges_.
  uint64_t edge_id_span_ = 0;
  // Labels of imported nodes, flattened: node i has labels_[label_start_[i] ..
  // label_start_[i+1]).
  std::vector<uint32_t> label_start_{0};
  std::vector<uint32_t> labels_;
  // File id (per id group) -> node id.
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, NodeId>> ids_;
  // Unique-index key -> node; and where each node came from, for messages.
  absl::flat_hash_map<std::string, NodeId> unique_keys_;
  std::vector<std::pair<int, int64_t>> node_origin_;
  std::vector<std::string> source_paths_;

  absl::flat_hash_map<std::string, RowPlan> node_plans_;
  const CsvReader* planned_reader_ = nullptr;

  ImportProgress progress_;
  std::atomic<uint64_t> edge_rows_{0};  // rows done by relationship parts
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

SstRunWriter& Writer(std::vector<std::unique_ptr<SstRunWriter>>& writers, Cf cf) {
  return *writers[static_cast<int>(cf)];
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
  // The edge copies dominate; the indexes share the rest.
  const size_t budget = options_.memory_budget_bytes;
  const std::pair<Cf, size_t> shares[] = {
      {Cf::kMeta, 1 << 20},       {Cf::kNodes, budget / 8},     {Cf::kOut, budget * 3 / 8},
      {Cf::kIn, budget / 4},      {Cf::kLabelIdx, budget / 16}, {Cf::kUniqueIdx, budget / 16},
      {Cf::kLookupIdx, budget / 8}};
  static const char* kNames[] = {"meta", "nodes", "out", "in", "label_idx", "unique_idx",
                                 "lookup_idx"};
  auto make_writer = [&](Cf cf, std::string name, size_t share) {
    return std::make_unique<SstRunWriter>(store_, cf, scratch_, std::move(name),
                                          std::max<size_t>(share, 1 << 20));
  };
  writers_.resize(static_cast<int>(Cf::kCount));
  for (auto [cf, share] : shares) {
    if (cf == Cf::kOut || cf == Cf::kIn) continue;
    writers_[static_cast<int>(cf)] = make_writer(cf, kNames[static_cast<int>(cf)], share);
  }
  for (int k = 0; k < threads_; ++k) {
    edge_writers_.emplace_back(make_writer(Cf::kOut, StrCat("out-", k), budget * 3 / 8 / threads_),
                               make_writer(Cf::kIn, StrCat("in-", k), budget / 4 / threads_));
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
  p.rows += edge_rows_.load(std::memory_order_relaxed);
  p.bytes_read += reader.bytes_read();
  options_.progress(p);
}

uint32_t Importer::PropertyKey(const std::string& name) {
  if (auto key = catalog_.FindPropertyKey(name)) return *key;
  catalog_changed_ = true;
  return catalog_.InternPropertyKey(name);
}

bool Importer::HasLabel(NodeId id, uint32_t label) const {
  const uint64_t i = id - node_base_;
  return std::find(labels_.begin() + label_start_[i], labels_.begin() + label_start_[i + 1],
                   label) != labels_.begin() + label_start_[i + 1];
}

// Plans are per file and label set: the schema lookups happen once, not per row.
absl::StatusOr<const RowPlan*> Importer::NodePlan(CsvReader& reader,
                                                  const std::vector<uint32_t>& labels) {
  if (planned_reader_ != &reader) {
    node_plans_.clear();
    planned_reader_ = &reader;
  }
  std::string cache_key(reinterpret_cast<const char*>(labels.data()),
                        labels.size() * sizeof(uint32_t));
  auto it = node_plans_.find(cache_key);
  if (it != node_plans_.end()) return &it->second;
  RowPlan plan;
  std::vector<const schema::LabelDef*> defs;
  std::vector<std::string> names;
  for (uint32_t l : labels) {
    names.push_back(catalog_.LabelName(l));
    if (const schema::LabelDef* def = catalog_.FindLabelDef(catalog_.LabelName(l))) {
      defs.push_back(def);
    }
  }
  plan.owner = StrCat("label ", absl::StrJoin(names, ":"));
  const CsvHeader& header = reader.header();
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
  return &node_plans_.emplace(std::move(cache_key), std::move(plan)).first->second;
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

absl::Status Importer::ImportNodes(CsvReader& reader, const std::string& default_label,
                                   int source) {
  const CsvHeader& header = reader.header();
  std::vector<uint32_t> default_labels;
  auto intern_label = [&](std::string_view name) -> absl::StatusOr<uint32_t> {
    if (auto id = catalog_.FindLabel(name)) {
      if (catalog_.mode() == schema::SchemaMode::kFree || catalog_.FindLabelDef(name)) return *id;
    }
    if (catalog_.mode() == schema::SchemaMode::kEnforced) {
      return reader.Error(StrCat("schema violation: unknown label '", name, "'"));
    }
    catalog_changed_ = true;
    return catalog_.InternLabel(name);
  };
  if (!default_label.empty()) {
    for (absl::string_view l : absl::StrSplit(default_label, ':')) {
      if (l.empty()) continue;
      ASSIGN_OR_RETURN(uint32_t id, intern_label(std::string_view(l.data(), l.size())));
      default_labels.push_back(id);
    }
  }
  auto& id_map = ids_[header.id_column >= 0 ? header.columns[header.id_column].id_group : ""];
  std::vector<uint32_t> labels;
  NodeRecordData record;
  std::string key;
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    labels = default_labels;
    if (header.label_column >= 0 && !reader.field_is_null(header.label_column)) {
      ASSIGN_OR_RETURN(Value names, reader.TypedField(header.label_column));
      if (names.type() == Value::Type::kList) {
        for (const Value& n : names.as_list()) {
          if (n.as_string().empty()) continue;
          ASSIGN_OR_RETURN(uint32_t id, intern_label(n.as_string()));
          labels.push_back(id);
        }
      }
    }
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    if (labels.empty() && catalog_.mode() == schema::SchemaMode::kEnforced) {
      return reader.Error("schema violation: the node has no label (add a :LABEL column or "
                          "give the file a default label)");
    }
    ASSIGN_OR_RETURN(const RowPlan* plan, NodePlan(reader, labels));
    const NodeId id = node_base_ + nodes_;
    if (header.id_column >= 0) {
      if (reader.field_is_null(header.id_column)) return reader.Error("the node id is empty");
      std::string file_id(reader.raw_field(header.id_column));
      auto [it, inserted] = id_map.emplace(std::move(file_id), id);
      if (!inserted) {
        const auto& [src, line] = node_origin_[it->second - node_base_];
        return reader.Error(StrCat("duplicate node id '", it->first, "' (first used at ",
                                         source_paths_[src], ":", line, ")"));
      }
    }
    record.labels = labels;
    RETURN_IF_ERROR(ReadProperties(reader, *plan, record.properties));

    auto find = [&](uint32_t k) -> const Value* {
      for (const auto& [pk, v] : record.properties) {
        if (pk == k) return &v;
      }
      return nullptr;
    };
    for (uint32_t label : labels) {
      RETURN_IF_ERROR(Writer(writers_, Cf::kLabelIdx).Add(LabelIndexKey(label, id), ""));
      const schema::LabelDef* def = catalog_.FindLabelDef(catalog_.LabelName(label));
      if (def == nullptr) continue;
      if (!def->key_property.empty()) {
        auto pk = catalog_.FindPropertyKey(def->key_property);
        const Value* v = pk ? find(*pk) : nullptr;
        if (v != nullptr) {
          ASSIGN_OR_RETURN(key, UniqueIndexKey(label, *pk, *v));
          auto [it, inserted] = unique_keys_.emplace(key, id);
          if (!inserted) {
            const auto& [src, line] = node_origin_[it->second - node_base_];
            return reader.Error(StrCat("schema violation: duplicate key ", def->name, " ",
                                             def->key_property, " ", v->ToString(),
                                             " (first at ", source_paths_[src], ":", line, ")"));
          }
          if (!database_empty_) {
            rocksdb::ReadOptions ro;
            ro.snapshot = snapshot_;
            std::string existing;
            if (store_.db()->Get(ro, store_.cf(Cf::kUniqueIdx), key, &existing).ok()) {
              return reader.Error(StrCat(
                  "schema violation: duplicate key ", def->name, " ", def->key_property, " ",
                  v->ToString(), " (already in the database as node ",
                  existing.size() == 8 ? ReadU64(existing.data()) : 0, ")"));
            }
          }
          std::string value = NodeKey(id);
          RETURN_IF_ERROR(Writer(writers_, Cf::kUniqueIdx).Add(key, value));
        }
      }
      for (const std::string& lookup : def->lookup_properties) {
        auto pk = catalog_.FindPropertyKey(lookup);
        const Value* v = pk ? find(*pk) : nullptr;
        if (v == nullptr) continue;
        std::vector<Value> values =
            v->type() == Value::Type::kList ? v->as_list() : std::vector<Value>{*v};
        std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
          return a.ToString() < b.ToString();
        });
        values.erase(std::unique(values.begin(), values.end()), values.end());
        for (const Value& element : values) {
          ASSIGN_OR_RETURN(key, LookupIndexPrefix(label, *pk, element));
          AppendU64(key, id);
          RETURN_IF_ERROR(Writer(writers_, Cf::kLookupIdx).Add(key, ""));
        }
      }
    }
    RETURN_IF_ERROR(Writer(writers_, Cf::kNodes).Add(NodeKey(id), EncodeNodeRecord(record)));
    labels_.insert(labels_.end(), labels.begin(), labels.end());
    label_start_.push_back(static_cast<uint32_t>(labels_.size()));
    node_origin_.emplace_back(source, reader.line());
    ++nodes_;
    ++progress_.rows;
    if ((progress_.rows & 0xfff) == 0) ReportProgress(reader, false);
  }
  return absl::OkStatus();
}

absl::StatusOr<NodeId> Importer::ResolveId(CsvReader& reader, int column) const {
  const CsvColumn& col = reader.header().columns[column];
  if (reader.field_is_null(column)) {
    return reader.Error(StrCat("column ", col.DisplayName(), " is empty"));
  }
  std::string_view file_id = reader.raw_field(column);
  auto group = ids_.find(col.id_group);
  if (group != ids_.end()) {
    auto it = group->second.find(ToAbsl(file_id));
    if (it != group->second.end()) return it->second;
  }
  return reader.Error(StrCat(
      col.kind == CsvColumn::Kind::kStartId ? "start" : "end", " node id '", file_id,
      "' is not defined by any node file",
      col.id_group.empty() ? "" : StrCat(" in id group '", col.id_group, "'")));
}

// Splits the file into one part per thread (when it can be split exactly) and
// imports the parts side by side. The error reported is the first in the file.
absl::Status Importer::ImportRelationshipFile(const ImportSource& source) {
  ASSIGN_OR_RETURN(std::vector<CsvReader::Part> split,
                   CsvReader::OpenParts(source.path, options_.csv, threads_));
  const CsvHeader& header = split.front().reader->header();
  if (header.type_column < 0 && source.default_label_or_type.empty()) {
    return absl::InvalidArgumentError(StrCat(
        source.path, ":1: relationship file has no :TYPE column and no default type"));
  }
  std::vector<EdgePart> parts(split.size());
  EdgeId id_base = edge_base_ + edge_id_span_;
  for (size_t k = 0; k < split.size(); ++k) {
    parts[k].reader = std::move(split[k].reader);
    parts[k].id_base = id_base;
    id_base += split[k].lines;
    parts[k].out = edge_writers_[k].first.get();
    parts[k].in = edge_writers_[k].second.get();
  }
  parts.front().reports_progress = true;
  RunTasks(parts.size(), threads_, [&](size_t k) {
    parts[k].status = ImportRelationships(parts[k], source.default_label_or_type);
  });
  for (EdgePart& part : parts) {
    RETURN_IF_ERROR(part.status);
    edges_ += part.edges;
    progress_.bytes_read += part.reader->bytes_read();
  }
  // One part: ids are dense; split parts reserved a range per line.
  edge_id_span_ = parts.size() == 1 ? edge_id_span_ + parts.front().edges
                                    : id_base - edge_base_;
  progress_.rows += edge_rows_.exchange(0);
  return absl::OkStatus();
}

absl::Status Importer::ImportRelationships(EdgePart& part, const std::string& default_type) {
  CsvReader& reader = *part.reader;
  const CsvHeader& header = reader.header();
  PropertyList props;
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next());
    if (!more) break;
    uint32_t type;
    if (header.type_column >= 0 && !reader.field_is_null(header.type_column)) {
      ASSIGN_OR_RETURN(type, EdgeType(part, reader.raw_field(header.type_column)));
    } else if (!default_type.empty()) {
      if (!part.default_type) {
        ASSIGN_OR_RETURN(part.default_type, EdgeType(part, default_type));
      }
      type = *part.default_type;
    } else {
      return reader.Error("the relationship type is empty");
    }
    ASSIGN_OR_RETURN(NodeId src, ResolveId(reader, header.start_column));
    ASSIGN_OR_RETURN(NodeId dst, ResolveId(reader, header.end_column));
    ASSIGN_OR_RETURN(const RowPlan* plan, EdgePlan(part, type));
    if ((plan->from_label && !HasLabel(src, *plan->from_label)) ||
        (plan->to_label && !HasLabel(dst, *plan->to_label))) {
      std::lock_guard<std::mutex> lock(catalog_mutex_);
      const schema::EdgeTypeDef* def = catalog_.FindEdgeTypeDef(catalog_.EdgeTypeName(type));
      return reader.Error(StrCat(
          "schema violation: relationship type ", def->name, " goes from ", def->from_label,
          " to ", def->to_label, "; '", reader.raw_field(header.start_column), "' -> '",
          reader.raw_field(header.end_column), "' does not"));
    }
    RETURN_IF_ERROR(ReadProperties(reader, *plan, props));
    const EdgeKey edge{src, type, dst, part.id_base + part.edges};
    RETURN_IF_ERROR(part.out->Add(edge.OutKey(), EncodeEdgeRecord(props)));
    RETURN_IF_ERROR(part.in->Add(edge.InKey(), ""));
    ++part.edges;
    if ((part.edges & 0xfff) == 0) {
      edge_rows_.fetch_add(0x1000, std::memory_order_relaxed);
      if (part.reports_progress) ReportProgress(reader, false);
    }
  }
  edge_rows_.fetch_add(part.edges & 0xfff, std::memory_order_relaxed);
  return absl::OkStatus();
}

absl::Status Importer::Ingest() {
  SstRunWriter& meta = Writer(writers_, Cf::kMeta);
  // Meta keys in sorted order: catalog < next_edge_id < next_node_id.
  if (catalog_changed_) RETURN_IF_ERROR(meta.Add(MetaKey::kCatalog, catalog_.Serialize()));
  if (edge_id_span_ > 0) {
    RETURN_IF_ERROR(meta.Add(MetaKey::kNextEdgeId, std::to_string(edge_base_ + edge_id_span_)));
  }
  if (nodes_ > 0) {
    RETURN_IF_ERROR(meta.Add(MetaKey::kNextNodeId, std::to_string(node_base_ + nodes_)));
  }
  std::vector<SstRunWriter*> all;
  for (auto& writer : writers_) {
    if (writer != nullptr) all.push_back(writer.get());
  }
  for (auto& [out, in] : edge_writers_) {
    all.push_back(out.get());
    all.push_back(in.get());
  }
  // The big runs (out, in) sort and write side by side.
  std::sort(all.begin(), all.end(), [](const SstRunWriter* a, const SstRunWriter* b) {
    return a->buffered_bytes() > b->buffered_bytes();
  });
  std::vector<absl::Status> finished(all.size());
  RunTasks(all.size(), threads_, [&](size_t i) { finished[i] = all[i]->Finish(); });
  for (const absl::Status& s : finished) RETURN_IF_ERROR(s);
  // One argument per column family, holding every run written for it.
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int cf = 0; cf < static_cast<int>(Cf::kCount); ++cf) {
    rocksdb::IngestExternalFileArg arg;
    for (const SstRunWriter* writer : all) {
      if (static_cast<int>(writer->cf()) != cf) continue;
      arg.external_files.insert(arg.external_files.end(), writer->files().begin(),
                                writer->files().end());
    }
    if (arg.external_files.empty()) continue;
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
  store_.AllocateNodeIds(nodes_);
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
    source_paths_.push_back(source->path);
    RETURN_IF_ERROR(ImportNodes(*reader, source->default_label_or_type,
                                static_cast<int>(source_paths_.size()) - 1));
    progress_.bytes_read += reader->bytes_read();
  }
  // Free what only node files needed before the relationship pass.
  unique_keys_ = {};
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
  for (auto& w : writers_) {
    if (w != nullptr) stats.sst_files += w->files().size();
  }
  for (auto& [out, in] : edge_writers_) stats.sst_files += out->files().size() + in->files().size();
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

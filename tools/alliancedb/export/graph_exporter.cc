#include "graph_exporter.h"

#include <algorithm>
#include <limits>

#include "exported_nodes.h"
#include "schema/str_cat.h"

namespace alliance::tools {
namespace {

// "unknown label 'Persn' (known: Consortium, Hardware, ...)": in a free schema
// there may be thousands, so only the first few are named.
absl::Status UnknownName(std::string_view what, const std::string& name,
                         const std::vector<std::string>& known) {
  constexpr size_t kListed = 20;
  std::string list;
  for (size_t i = 0; i < known.size() && i < kListed; ++i) {
    StrAppend(&list, i > 0 ? ", " : "", known[i]);
  }
  if (known.size() > kListed) StrAppend(&list, ", ... (", known.size(), " in all)");
  return absl::InvalidArgumentError(
      StrCat("unknown ", what, " '", name, "' (known: ", list.empty() ? "none" : list, ")"));
}

absl::StatusOr<std::vector<std::string>> Resolve(std::string_view what,
                                                 const std::vector<std::string>& named,
                                                 const std::vector<std::string>& known) {
  std::vector<std::string> out;
  for (const std::string& name : named) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return UnknownName(what, name, known);
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

class Exporter {
 public:
  Exporter(Transaction& txn, const ExportSelection& selection, GraphWriter& writer,
           const ExportProgress& progress)
      : txn_(txn), selection_(selection), writer_(writer), progress_(progress) {}

  absl::StatusOr<ExportCounts> Run() {
    if (absl::Status s = PlanWork(); !s.ok()) return s;
    const bool declare = writer_.NeedsDeclarationPass();
    // Without a declaration pass, nodes are written while the set of
    // exported nodes is collected; relationships need the whole set first.
    if (!declare) {
      if (absl::Status s = writer_.Begin(); !s.ok()) return s;
    }
    stage_ = declare ? "reading" : "writing";
    absl::Status s = VisitNodes([&](const Node& node, std::string_view group) {
      nodes_.Add(node.id, node.labels);
      ++stage_rows_;
      return declare ? writer_.DeclareNode(node, group) : Write(node, group);
    });
    if (!s.ok()) return s;
    nodes_.Seal();
    relationship_units_ = nodes_.size();
    if (declare) {
      s = VisitRelationships([&](const Relationship& rel) {
        ++stage_rows_;
        return writer_.DeclareRelationship(rel);
      });
      if (!s.ok()) return s;
      if (s = writer_.Begin(); !s.ok()) return s;
      stage_ = "writing";
      stage_rows_ = 0;
      s = VisitNodes([&](const Node& node, std::string_view group) {
        ++stage_rows_;
        return Write(node, group);
      });
      if (!s.ok()) return s;
    }
    s = VisitRelationships([&](const Relationship& rel) {
      ++counts_.relationships;
      ++stage_rows_;
      return writer_.WriteRelationship(rel, *nodes_.Labels(rel.start), *nodes_.Labels(rel.end));
    });
    if (!s.ok()) return s;
    if (s = writer_.Finish(); !s.ok()) return s;
    return counts_;
  }

 private:
  using NodeFn = std::function<absl::Status(const Node&, std::string_view group)>;
  using RelationshipFn = std::function<absl::Status(const Relationship&)>;

  // Finds the nodes without labels, which no label scan reaches, and sizes
  // the work for progress: label-scan visits, and exported nodes whose
  // relationships are read, per pass (the latter estimated by the former
  // until the first pass has found the exported nodes).
  absl::Status PlanWork() {
    if (selection_.unlabelled_nodes) {
      QueryOptions options;
      options.max_rows = std::numeric_limits<int64_t>::max();
      absl::StatusOr<QueryResult> r =
          txn_.Execute("MATCH (n) WHERE size(labels(n)) = 0 RETURN id(n)", {}, options);
      if (!r.ok()) return r.status();
      for (const auto& row : r->rows) unlabelled_.push_back(static_cast<NodeId>(row[0].as_int()));
      std::sort(unlabelled_.begin(), unlabelled_.end());
    }
    node_units_ = unlabelled_.size();
    for (const std::string& label : selection_.labels) {
      absl::StatusOr<uint64_t> n = txn_.CountLabel(label);
      if (!n.ok()) return n.status();
      node_units_ += *n;
    }
    relationship_units_ = node_units_;
    passes_ = writer_.NeedsDeclarationPass() ? 2 : 1;
    return absl::OkStatus();
  }

  void Tick() {
    ++units_done_;
    if (!progress_) return;
    const double total = static_cast<double>(passes_ * (node_units_ + relationship_units_));
    progress_(stage_, stage_rows_, total > 0 ? std::min(1.0, units_done_ / total) : 1.0);
  }

  absl::Status Write(const Node& node, std::string_view group) {
    ++counts_.nodes;
    return writer_.WriteNode(node, group);
  }

  // Every selected node once: under the first selected label it has, then
  // the nodes without labels.
  absl::Status VisitNodes(const NodeFn& fn) {
    absl::Status status;
    const std::vector<std::string>& labels = selection_.labels;
    for (size_t i = 0; i < labels.size() && status.ok(); ++i) {
      absl::Status scan = txn_.ScanLabel(labels[i], [&](const Node& node) {
        Tick();
        for (size_t j = 0; j < i; ++j) {
          if (node.HasLabel(labels[j])) return true;
        }
        status = fn(node, labels[i]);
        return status.ok();
      });
      if (!scan.ok()) return scan;
    }
    for (NodeId id : unlabelled_) {
      if (!status.ok()) break;
      Tick();
      absl::StatusOr<std::optional<Node>> node = txn_.GetNode(id);
      if (!node.ok()) return node.status();
      if (node->has_value()) status = fn(**node, "");
    }
    return status;
  }

  // Each relationship between exported nodes once, from its start node.
  absl::Status VisitRelationships(const RelationshipFn& fn) {
    absl::Status status;
    absl::Status scan;
    nodes_.ForEachId([&](NodeId id) {
      if (!status.ok() || !scan.ok()) return;
      Tick();
      scan = txn_.ForEachRelationship(id, Direction::kOutgoing, selection_.types,
                                      [&](const Relationship& rel) {
                                        if (!nodes_.Contains(rel.end)) return true;
                                        status = fn(rel);
                                        return status.ok();
                                      });
    });
    return scan.ok() ? status : scan;
  }

  Transaction& txn_;
  const ExportSelection& selection_;
  GraphWriter& writer_;
  const ExportProgress& progress_;
  ExportedNodes nodes_;
  std::vector<NodeId> unlabelled_;
  ExportCounts counts_;
  uint64_t node_units_ = 0;
  uint64_t relationship_units_ = 0;
  uint64_t passes_ = 1;
  uint64_t units_done_ = 0;
  std::string_view stage_;
  uint64_t stage_rows_ = 0;
};

}  // namespace

absl::StatusOr<ExportSelection> SelectForExport(const SchemaDescription& schema,
                                                const std::vector<std::string>& labels,
                                                const std::vector<std::string>& types) {
  ExportSelection selection;
  if (labels.empty()) {
    selection.labels = schema.label_names;
    selection.unlabelled_nodes = schema.mode == SchemaMode::kFree;
  } else {
    absl::StatusOr<std::vector<std::string>> l = Resolve("label", labels, schema.label_names);
    if (!l.ok()) return l.status();
    selection.labels = *std::move(l);
  }
  absl::StatusOr<std::vector<std::string>> t =
      Resolve("relationship type", types, schema.relationship_type_names);
  if (!t.ok()) return t.status();
  selection.types = *std::move(t);
  return selection;
}

absl::StatusOr<ExportCounts> ExportGraph(const Database& db, const ExportSelection& selection,
                                         GraphWriter& writer, const ExportProgress& progress) {
  std::unique_ptr<Transaction> txn = db.BeginRead();
  return Exporter(*txn, selection, writer, progress).Run();
}

}  // namespace alliance::tools

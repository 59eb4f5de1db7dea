#include "alliance/transaction.h"

#include "schema/str_cat.h"
#include "query/query_executor.h"
#include "schema/status_macros.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

storage::Direction ToStorage(Direction d) {
  switch (d) {
    case Direction::kOutgoing: return storage::Direction::kOut;
    case Direction::kIncoming: return storage::Direction::kIn;
    case Direction::kBoth: break;
  }
  return storage::Direction::kBoth;
}

absl::Status UnknownLabel(std::string_view label) {
  return absl::NotFoundError(StrCat("unknown label '", label, "'"));
}

}  // namespace

Transaction::Transaction(std::unique_ptr<storage::Transaction> impl,
                         const query::ProcedureRegistry* procedures)
    : impl_(std::move(impl)), procedures_(procedures) {}
Transaction::~Transaction() = default;

bool Transaction::is_write() const { return impl_->is_write(); }

absl::StatusOr<Node> Transaction::MakeNode(NodeId id) const {
  ASSIGN_OR_RETURN(std::optional<storage::NodeRecordData> record, impl_->GetNode(id));
  if (!record) return absl::NotFoundError(StrCat("node ", id, " does not exist"));
  return Node{id, impl_->LabelNames(record->labels), impl_->PropertiesByName(record->properties)};
}

absl::StatusOr<std::optional<Node>> Transaction::GetNode(NodeId id) const {
  ASSIGN_OR_RETURN(std::optional<storage::NodeRecordData> record, impl_->GetNode(id));
  if (!record) return std::nullopt;
  return Node{id, impl_->LabelNames(record->labels), impl_->PropertiesByName(record->properties)};
}

absl::StatusOr<Value> Transaction::GetNodeProperty(NodeId id, std::string_view property) const {
  auto key = impl_->catalog().FindPropertyKey(property);
  if (!key) {
    ASSIGN_OR_RETURN(std::optional<storage::NodeRecordData> record, impl_->GetNode(id));
    if (!record) return absl::NotFoundError(StrCat("node ", id, " does not exist"));
    return Value();
  }
  return impl_->GetNodeProperty(id, *key);
}

absl::StatusOr<std::optional<Node>> Transaction::FindNodeByKey(std::string_view label,
                                                               const Value& key) const {
  const schema::Catalog& catalog = impl_->catalog();
  const schema::LabelDef* def = catalog.FindLabelDef(label);
  if (def == nullptr || def->key_property.empty()) {
    return absl::FailedPreconditionError(
        StrCat("label '", label, "' has no declared key property"));
  }
  auto label_id = catalog.FindLabel(label);
  auto property = catalog.FindPropertyKey(def->key_property);
  if (!label_id || !property) return std::nullopt;
  ASSIGN_OR_RETURN(std::optional<storage::NodeId> id,
                   impl_->FindByKey(*label_id, *property, key));
  if (!id) return std::nullopt;
  ASSIGN_OR_RETURN(Node node, MakeNode(*id));
  return node;
}

absl::StatusOr<std::vector<Node>> Transaction::FindNodesByName(std::string_view label,
                                                               std::string_view name) const {
  const schema::Catalog& catalog = impl_->catalog();
  const schema::LabelDef* def = catalog.FindLabelDef(label);
  auto label_id = catalog.FindLabel(label);
  std::vector<Node> nodes;
  if (def == nullptr || !label_id) {
    if (catalog.mode() == schema::SchemaMode::kEnforced) return UnknownLabel(label);
    return nodes;
  }
  std::vector<storage::NodeId> ids;
  const Value value = Value::String(std::string(name));
  if (!def->key_property.empty()) {
    if (auto property = catalog.FindPropertyKey(def->key_property)) {
      ASSIGN_OR_RETURN(std::optional<storage::NodeId> id,
                       impl_->FindByKey(*label_id, *property, value));
      if (id) ids.push_back(*id);
    }
  }
  for (const std::string& lookup : def->lookup_properties) {
    auto property = catalog.FindPropertyKey(lookup);
    if (!property) continue;
    ASSIGN_OR_RETURN(std::vector<storage::NodeId> found,
                     impl_->FindByLookup(*label_id, *property, value));
    for (storage::NodeId id : found) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  for (storage::NodeId id : ids) {
    ASSIGN_OR_RETURN(Node node, MakeNode(id));
    nodes.push_back(std::move(node));
  }
  return nodes;
}

absl::Status Transaction::ScanLabel(std::string_view label,
                                    const std::function<bool(const Node&)>& fn) const {
  auto label_id = impl_->catalog().FindLabel(label);
  if (!label_id) {
    if (impl_->catalog().mode() == schema::SchemaMode::kEnforced) return UnknownLabel(label);
    return absl::OkStatus();
  }
  absl::Status inner;
  RETURN_IF_ERROR(impl_->ScanLabel(*label_id, [&](storage::NodeId id) {
    absl::StatusOr<Node> node = MakeNode(id);
    if (!node.ok()) {
      inner = node.status();
      return false;
    }
    return fn(*node);
  }));
  return inner;
}

absl::StatusOr<uint64_t> Transaction::CountLabel(std::string_view label) const {
  auto label_id = impl_->catalog().FindLabel(label);
  if (!label_id) {
    if (impl_->catalog().mode() == schema::SchemaMode::kEnforced) return UnknownLabel(label);
    return 0;
  }
  uint64_t count = 0;
  RETURN_IF_ERROR(impl_->ScanLabel(*label_id, [&](storage::NodeId) {
    ++count;
    return true;
  }));
  return count;
}

absl::Status Transaction::ForEachRelationship(
    NodeId node, Direction direction, const std::vector<std::string>& types,
    const std::function<bool(const Relationship&)>& fn) const {
  const schema::Catalog& catalog = impl_->catalog();
  std::vector<std::optional<uint32_t>> type_ids;
  for (const std::string& t : types) {
    if (auto id = catalog.FindEdgeType(t)) type_ids.push_back(*id);
  }
  if (types.empty()) type_ids.push_back(std::nullopt);
  absl::Status inner;
  for (const auto& type : type_ids) {
    bool stopped = false;
    RETURN_IF_ERROR(impl_->ForEachEdge(
        node, ToStorage(direction), type, [&](const storage::EdgeKey& e, std::string_view rec) {
          absl::StatusOr<storage::PropertyList> props = storage::DecodeEdgeRecord(rec);
          if (!props.ok()) {
            inner = props.status();
            return false;
          }
          Relationship r{e.id, e.src, e.dst, catalog.EdgeTypeName(e.type),
                         impl_->PropertiesByName(*props)};
          stopped = !fn(r);
          return !stopped;
        }));
    RETURN_IF_ERROR(inner);
    if (stopped) break;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Relationship>> Transaction::Relationships(
    NodeId node, Direction direction, const std::vector<std::string>& types) const {
  std::vector<Relationship> out;
  RETURN_IF_ERROR(ForEachRelationship(node, direction, types, [&](const Relationship& r) {
    out.push_back(r);
    return true;
  }));
  return out;
}

absl::StatusOr<NodeId> Transaction::CreateNode(const std::vector<std::string>& labels,
                                               PropertyMap properties) {
  return impl_->CreateNode(labels, std::move(properties));
}

absl::Status Transaction::SetNodeProperties(NodeId id, PropertyMap properties, bool replace) {
  return impl_->SetNodeProperties(id, std::move(properties), replace);
}

absl::Status Transaction::RemoveNodeProperty(NodeId id, std::string_view property) {
  PropertyMap removal;
  removal.emplace(std::string(property), Value());
  return impl_->SetNodeProperties(id, std::move(removal), false);
}

absl::Status Transaction::AddLabels(NodeId id, const std::vector<std::string>& labels) {
  return impl_->SetNodeLabels(id, labels, {});
}

absl::Status Transaction::RemoveLabels(NodeId id, const std::vector<std::string>& labels) {
  return impl_->SetNodeLabels(id, {}, labels);
}

absl::Status Transaction::DeleteNode(NodeId id, DeleteMode mode) {
  return impl_->DeleteNode(id, mode == DeleteMode::kDetach);
}

absl::StatusOr<Relationship> Transaction::CreateRelationship(NodeId start, std::string_view type,
                                                             NodeId end,
                                                             PropertyMap properties) {
  ASSIGN_OR_RETURN(storage::EdgeKey key, impl_->CreateEdge(start, type, end, properties));
  ASSIGN_OR_RETURN(std::optional<storage::PropertyList> stored, impl_->GetEdge(key));
  return Relationship{key.id, start, end, std::string(type),
                      stored ? impl_->PropertiesByName(*stored) : PropertyMap()};
}

namespace {

absl::StatusOr<storage::EdgeKey> KeyOf(const storage::Transaction& txn, const Relationship& r) {
  auto type = txn.catalog().FindEdgeType(r.type);
  if (!type) {
    return absl::NotFoundError(StrCat("unknown relationship type '", r.type, "'"));
  }
  return storage::EdgeKey{r.start, *type, r.end, r.id};
}

}  // namespace

absl::Status Transaction::SetRelationshipProperties(const Relationship& rel,
                                                    PropertyMap properties, bool replace) {
  ASSIGN_OR_RETURN(storage::EdgeKey key, KeyOf(*impl_, rel));
  return impl_->SetEdgeProperties(key, std::move(properties), replace);
}

absl::Status Transaction::DeleteRelationship(const Relationship& rel) {
  ASSIGN_OR_RETURN(storage::EdgeKey key, KeyOf(*impl_, rel));
  return impl_->DeleteEdge(key);
}

absl::StatusOr<QueryResult> Transaction::Execute(std::string_view query,
                                                 const PropertyMap& parameters,
                                                 const QueryOptions& options) {
  return query::ExecuteInTransaction(*impl_, query, parameters, *procedures_, options);
}

absl::Status Transaction::Commit() { return impl_->Commit(); }
void Transaction::Rollback() { impl_->Rollback(); }

}  // namespace alliance

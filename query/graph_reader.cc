#include "query/graph_reader.h"

#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::query {

absl::StatusOr<Value> LoadNode(const storage::Transaction& txn, NodeId id) {
  ASSIGN_OR_RETURN(std::optional<storage::NodeRecordData> record, txn.GetNode(id));
  if (!record) return absl::NotFoundError(StrCat("node ", id, " does not exist"));
  return Value::MakeNode(
      Node{id, txn.LabelNames(record->labels), txn.PropertiesByName(record->properties)});
}

absl::StatusOr<Value> MakeRelationshipValue(const storage::Transaction& txn,
                                            const storage::EdgeKey& key,
                                            std::string_view record) {
  ASSIGN_OR_RETURN(storage::PropertyList props, storage::DecodeEdgeRecord(record));
  return Value::MakeRelationship(Relationship{key.id, key.src, key.dst,
                                              txn.catalog().EdgeTypeName(key.type),
                                              txn.PropertiesByName(props)});
}

absl::StatusOr<Value> LoadRelationship(const storage::Transaction& txn,
                                       const storage::EdgeKey& key) {
  ASSIGN_OR_RETURN(std::optional<std::string> record, txn.Get(storage::Cf::kOut, key.OutKey()));
  if (!record) return absl::NotFoundError(StrCat("relationship ", key.id, " does not exist"));
  return MakeRelationshipValue(txn, key, *record);
}

absl::StatusOr<storage::EdgeKey> KeyOf(const storage::Transaction& txn, const Relationship& r) {
  auto type = txn.catalog().FindEdgeType(r.type);
  if (!type) return absl::NotFoundError(StrCat("unknown relationship type '", r.type, "'"));
  return storage::EdgeKey{r.start, *type, r.end, r.id};
}

}  // namespace alliance::query

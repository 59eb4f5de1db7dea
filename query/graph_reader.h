// Turns stored records into query values: a node with its labels and
// properties, a relationship with its type and properties.
#ifndef ALLIANCE_QUERY_GRAPH_READER_H_
#define ALLIANCE_QUERY_GRAPH_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "storage/transaction.h"

namespace alliance::query {

// NotFound when the node is gone (deleted in this statement).
absl::StatusOr<Value> LoadNode(const storage::Transaction& txn, NodeId id);
absl::StatusOr<Value> MakeRelationshipValue(const storage::Transaction& txn,
                                            const storage::EdgeKey& key,
                                            std::string_view record);
absl::StatusOr<Value> LoadRelationship(const storage::Transaction& txn,
                                       const storage::EdgeKey& key);
// The stored key of a relationship value.
absl::StatusOr<storage::EdgeKey> KeyOf(const storage::Transaction& txn, const Relationship& r);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_GRAPH_READER_H_

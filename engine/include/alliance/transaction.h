// Transaction: a consistent view of the database and, for a write transaction,
// a set of changes that commits atomically (all of it or nothing).
//
//   auto txn = db->BeginWrite();
//   absl::StatusOr<alliance::NodeId> kaist = (*txn)->CreateNode(
//       {"Organisation"}, {{"name", alliance::Value::String("KAIST")},
//                          {"kind", alliance::Value::String("university")}});
//   if (kaist.ok()) status = (*txn)->Commit();
//
// Not thread-safe: use one transaction from one thread. Dropping a write
// transaction without Commit() rolls it back.
#ifndef ALLIANCE_TRANSACTION_H_
#define ALLIANCE_TRANSACTION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/query_result.h"
#include "alliance/types.h"
#include "alliance/value.h"

namespace alliance {

namespace storage {
class Transaction;
}
namespace query {
class ProcedureRegistry;
}

enum class DeleteMode {
  kRefuseIfConnected,  // Cypher DELETE: fails while the node has relationships
  kDetach,             // Cypher DETACH DELETE: removes them too
};

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool is_write() const;

  // ---- Reads (a write transaction sees its own changes) ----
  absl::StatusOr<std::optional<Node>> GetNode(NodeId id) const;
  // One property, decoding nothing else; null when absent.
  absl::StatusOr<Value> GetNodeProperty(NodeId id, std::string_view property) const;
  // The node of `label` whose key property (e.g. name) equals `key`.
  absl::StatusOr<std::optional<Node>> FindNodeByKey(std::string_view label,
                                                    const Value& key) const;
  // Nodes of `label` known by `name`: the key property, or an indexed lookup
  // property such as name_ko or one of the aliases. Exact match after NFC.
  absl::StatusOr<std::vector<Node>> FindNodesByName(std::string_view label,
                                                    std::string_view name) const;
  // Visits the nodes of `label` in id order; `fn` returns false to stop.
  absl::Status ScanLabel(std::string_view label,
                         const std::function<bool(const Node&)>& fn) const;
  absl::StatusOr<uint64_t> CountLabel(std::string_view label) const;
  // Relationships of `node` in `direction`, of the given types (all if empty).
  // A self-loop is reported once per direction with kBoth.
  absl::Status ForEachRelationship(NodeId node, Direction direction,
                                   const std::vector<std::string>& types,
                                   const std::function<bool(const Relationship&)>& fn) const;
  absl::StatusOr<std::vector<Relationship>> Relationships(
      NodeId node, Direction direction, const std::vector<std::string>& types = {}) const;

  // ---- Writes (write transactions only; checked against the schema) ----
  absl::StatusOr<NodeId> CreateNode(const std::vector<std::string>& labels,
                                    PropertyMap properties);
  // Sets the given properties; a null value removes one. With `replace`, the
  // node keeps only these (Cypher's `SET n = {...}`).
  absl::Status SetNodeProperties(NodeId id, PropertyMap properties, bool replace = false);
  absl::Status RemoveNodeProperty(NodeId id, std::string_view property);
  absl::Status AddLabels(NodeId id, const std::vector<std::string>& labels);
  absl::Status RemoveLabels(NodeId id, const std::vector<std::string>& labels);
  absl::Status DeleteNode(NodeId id, DeleteMode mode = DeleteMode::kRefuseIfConnected);
  absl::StatusOr<Relationship> CreateRelationship(NodeId start, std::string_view type,
                                                  NodeId end, PropertyMap properties = {});
  absl::Status SetRelationshipProperties(const Relationship& rel, PropertyMap properties,
                                         bool replace = false);
  absl::Status DeleteRelationship(const Relationship& rel);

  // Runs a Cypher statement inside this transaction (a writing statement needs
  // a write transaction); its changes commit with the transaction.
  absl::StatusOr<QueryResult> Execute(std::string_view query, const PropertyMap& parameters = {},
                                      const QueryOptions& options = {});

  // Makes every change visible at once and durable per Options::sync_on_commit.
  // The transaction is finished afterwards, whatever the outcome.
  absl::Status Commit();
  void Rollback();

 private:
  friend class Database;
  Transaction(std::unique_ptr<storage::Transaction> impl,
              const query::ProcedureRegistry* procedures);
  absl::StatusOr<Node> MakeNode(NodeId id) const;

  std::unique_ptr<storage::Transaction> impl_;
  const query::ProcedureRegistry* procedures_;
};

}  // namespace alliance

#endif  // ALLIANCE_TRANSACTION_H_

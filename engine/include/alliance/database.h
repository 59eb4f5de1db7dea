// Database: an AllianceDB database directory opened for reading and writing
// (one opener at a time, across processes) or read-only (any number, beside a
// writer).
//
//   absl::StatusOr<std::unique_ptr<alliance::Database>> db =
//       alliance::Database::Open("/var/lib/alliances");
//   auto read = (*db)->BeginRead();
//   auto kaist = read->FindNodeByKey("Organisation", alliance::Value::String("KAIST"));
//
// Thread-safe: many read transactions run beside one write transaction. Two
// databases in one process are independent. Closing is destroying.
#ifndef ALLIANCE_DATABASE_H_
#define ALLIANCE_DATABASE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/options.h"
#include "alliance/query_result.h"
#include "alliance/schema.h"
#include "alliance/transaction.h"

namespace alliance {

namespace storage {
class Store;
}
namespace query {
class ProcedureRegistry;
}
class SnapshotCache;

// What Database::Check found; `problems` is empty for a sound database.
struct CheckResult {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t index_entries = 0;
  std::vector<std::string> problems;
  uint64_t problems_not_listed = 0;
  bool ok() const { return problems.empty() && problems_not_listed == 0; }
};

class Database {
 public:
  // Opens `path` for reading and writing, creating it per `options`. Fails with
  // "database is locked" while another opener writes it.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                        const Options& options = {});
  // Opens an existing database for reading only; sees the data as of the open.
  static absl::StatusOr<std::unique_ptr<Database>> OpenReadOnly(const std::string& path,
                                                                const Options& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const;
  bool read_only() const;

  std::unique_ptr<Transaction> BeginRead() const;
  // Waits (up to 10 s) while another write transaction of this process is open.
  absl::StatusOr<std::unique_ptr<Transaction>> BeginWrite();

  // Runs one Cypher statement in its own transaction: a read snapshot, or one
  // atomic write that commits completely or not at all. Errors carry the
  // openCypher error class and, for syntax errors, line:column and a caret.
  absl::StatusOr<QueryResult> Execute(std::string_view query, const PropertyMap& parameters = {},
                                      const QueryOptions& options = {});

  // Calls a procedure with argument values, as `CALL name(args...)` would:
  // the analytics (`algo.pageRank`, `algo.overlap`, ...; `dbms.procedures`
  // lists them all) take one configuration map, e.g.
  //   db->CallProcedure("algo.pageRank", {Value::MakeMap({{"topK", Value::Int(5)}})});
  // A writing procedure (`algo.pageRank.write`) commits atomically.
  absl::StatusOr<QueryResult> CallProcedure(std::string_view name,
                                            const std::vector<Value>& arguments,
                                            const QueryOptions& options = {});

  // Whether `query` would change the graph (an updating clause or a writing
  // procedure), so a caller can open the database read-only for the rest.
  // Fails with the syntax error when it does not parse.
  absl::StatusOr<bool> IsWriteStatement(std::string_view query) const;

  // Bulk import of Neo4j-admin-style CSV files, all or nothing; errors read
  // `file:line: reason`.
  absl::StatusOr<ImportResult> Import(const std::vector<ImportFile>& files,
                                      const ImportOptions& options = {});

  // Verifies every invariant (adjacency copies agree, indexes match records,
  // records decode, schema holds) without changing anything.
  absl::StatusOr<CheckResult> Check() const;

  SchemaDescription Schema() const;
  // Extending the schema never rewrites data: new labels and relationship
  // types, and new optional properties.
  absl::Status AddLabel(const LabelSpec& label);
  absl::Status AddProperty(std::string_view label, const PropertySpec& property);
  absl::Status AddRelationshipType(const RelationshipTypeSpec& type);
  absl::Status AddRelationshipProperty(std::string_view type, const PropertySpec& property);

  // Copies the database to `destination` (which must not exist) while it
  // stays open, readers and writers running: the copy holds every commit
  // acknowledged before the call (a read-only open: as of the open or later)
  // and no partial one. Restore by opening the copy.
  absl::Status Backup(const std::string& destination) const;

  // Changes with every commit; equal numbers mean equal contents.
  uint64_t SequenceNumber() const;

 private:
  explicit Database(std::unique_ptr<storage::Store> store);
  std::unique_ptr<storage::Store> store_;
  // Analytics snapshots per selection and database version.
  std::unique_ptr<SnapshotCache> snapshots_;
  std::unique_ptr<query::ProcedureRegistry> procedures_;
};

}  // namespace alliance

#endif  // ALLIANCE_DATABASE_H_

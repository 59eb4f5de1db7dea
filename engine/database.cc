#include "alliance/database.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/str_cat.h"
#include "engine/analytics_procedures.h"
#include "engine/builtin_procedures.h"
#include "engine/snapshot_cache.h"
#include "query/parser.h"
#include "query/planner.h"
#include "query/procedure_registry.h"
#include "query/query_executor.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/checker.h"
#include "storage/csv_importer.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

storage::StoreOptions ToStoreOptions(const Options& options, bool read_only) {
  storage::StoreOptions s;
  s.create_if_missing = options.create_if_missing && !read_only;
  s.read_only = read_only;
  s.mode_on_create = options.schema_mode == SchemaMode::kEnforced ? schema::SchemaMode::kEnforced
                                                                  : schema::SchemaMode::kFree;
  s.sync_on_commit = options.sync_on_commit;
  s.block_cache_bytes = options.block_cache_bytes;
  return s;
}

absl::StatusOr<schema::PropertyDef> ToDef(const PropertySpec& spec) {
  return schema::PropertyDef::Parse(spec.name, spec.type, spec.required);
}

PropertySpec ToSpec(const schema::PropertyDef& def) {
  return PropertySpec{def.name, def.TypeText(), def.required};
}

}  // namespace

Database::Database(std::unique_ptr<storage::Store> store)
    : store_(std::move(store)),
      snapshots_(std::make_unique<SnapshotCache>()),
      procedures_(std::make_unique<query::ProcedureRegistry>()) {
  RegisterBuiltinProcedures(*procedures_);
  RegisterVertexScoreProcedures(*procedures_, *snapshots_);
  RegisterGraphStructureProcedures(*procedures_, *snapshots_);
}

absl::StatusOr<QueryResult> Database::CallProcedure(std::string_view name,
                                                    const std::vector<Value>& arguments,
                                                    const QueryOptions& options) {
  // The name goes into the statement text, so it may only be a dotted name.
  const bool well_formed =
      !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_';
      });
  if (!well_formed) {
    return absl::InvalidArgumentError(StrCat("not a procedure name: '", name, "'"));
  }
  const query::ProcedureSignature* sig = procedures_->Find(name);
  if (sig == nullptr) {
    return absl::NotFoundError(StrCat("there is no procedure ", name,
                                            " (CALL dbms.procedures() lists them)"));
  }
  std::string statement = StrCat("CALL ", name, "(");
  PropertyMap parameters;
  for (size_t i = 0; i < arguments.size(); ++i) {
    StrAppend(&statement, i ? ", " : "", "$a", i);
    parameters.emplace(StrCat("a", i), arguments[i]);
  }
  statement += ")";
  return Execute(statement, parameters, options);
}
Database::~Database() = default;

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                         const Options& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                   storage::Store::Open(path, ToStoreOptions(options, false)));
  return std::unique_ptr<Database>(new Database(std::move(store)));
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenReadOnly(const std::string& path,
                                                                 const Options& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                   storage::Store::Open(path, ToStoreOptions(options, true)));
  return std::unique_ptr<Database>(new Database(std::move(store)));
}

const std::string& Database::path() const { return store_->path(); }
bool Database::read_only() const { return store_->read_only(); }
uint64_t Database::SequenceNumber() const { return store_->sequence_number(); }

std::unique_ptr<Transaction> Database::BeginRead() const {
  return std::unique_ptr<Transaction>(new Transaction(store_->BeginRead(), procedures_.get()));
}

absl::StatusOr<std::unique_ptr<Transaction>> Database::BeginWrite() {
  ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> txn, store_->BeginWrite());
  return std::unique_ptr<Transaction>(new Transaction(std::move(txn), procedures_.get()));
}

absl::StatusOr<QueryResult> Database::Execute(std::string_view query,
                                              const PropertyMap& parameters,
                                              const QueryOptions& options) {
  return query::ExecuteStatement(*store_, query, parameters, *procedures_, options);
}

absl::StatusOr<bool> Database::IsWriteStatement(std::string_view query) const {
  ASSIGN_OR_RETURN(std::unique_ptr<query::Statement> statement, query::Parse(query));
  return query::StatementWrites(*statement, *procedures_);
}

absl::StatusOr<ImportResult> Database::Import(const std::vector<ImportFile>& files,
                                              const ImportOptions& options) {
  std::vector<storage::ImportSource> sources;
  for (const ImportFile& f : files) {
    storage::ImportSource s;
    s.path = f.path;
    s.kind = f.kind == ImportFile::Kind::kNodes           ? storage::ImportSource::Kind::kNodes
             : f.kind == ImportFile::Kind::kRelationships ? storage::ImportSource::Kind::kRelationships
                                                          : storage::ImportSource::Kind::kDetect;
    s.default_label_or_type = f.default_label_or_type;
    sources.push_back(std::move(s));
  }
  storage::ImportOptions o;
  o.csv.delimiter = options.delimiter;
  o.csv.array_delimiter = options.array_delimiter;
  o.csv.quote = options.quote;
  o.csv.trim_strings = options.trim_strings;
  o.memory_budget_bytes = options.memory_budget_bytes;
  o.threads = options.threads;
  o.dry_run = options.dry_run;
  if (options.progress) {
    o.progress = [&options](const storage::ImportProgress& p) {
      options.progress(ImportProgress{p.rows, p.bytes_read, p.bytes_total});
    };
  }
  ASSIGN_OR_RETURN(storage::ImportStats stats, storage::ImportCsv(*store_, sources, o));
  return ImportResult{stats.nodes,        stats.relationships,        stats.bytes_read,
                      stats.seconds,      stats.node_seconds,         stats.relationship_seconds,
                      stats.commit_seconds};
}

absl::StatusOr<CheckResult> Database::Check() const {
  std::unique_ptr<storage::Transaction> txn = store_->BeginRead();
  ASSIGN_OR_RETURN(storage::CheckReport report, storage::CheckStore(*txn));
  return CheckResult{report.nodes, report.edges, report.index_entries, std::move(report.problems),
                     report.problems_not_listed};
}

absl::Status Database::Backup(const std::string& destination) const {
  return store_->Backup(destination);
}

SchemaDescription Database::Schema() const {
  std::shared_ptr<const schema::Catalog> catalog = store_->catalog();
  SchemaDescription d;
  d.mode = catalog->mode() == schema::SchemaMode::kEnforced ? SchemaMode::kEnforced
                                                           : SchemaMode::kFree;
  for (const schema::LabelDef& l : catalog->labels()) {
    LabelSpec spec{l.name, l.key_property, {}, l.lookup_properties};
    for (const auto& p : l.properties) spec.properties.push_back(ToSpec(p));
    d.labels.push_back(std::move(spec));
  }
  for (const schema::EdgeTypeDef& t : catalog->edge_types()) {
    RelationshipTypeSpec spec{t.name, t.from_label, t.to_label, {}};
    for (const auto& p : t.properties) spec.properties.push_back(ToSpec(p));
    d.relationship_types.push_back(std::move(spec));
  }
  for (size_t i = 0; i < catalog->label_count(); ++i) d.label_names.push_back(catalog->LabelName(i));
  for (size_t i = 0; i < catalog->edge_type_count(); ++i) {
    d.relationship_type_names.push_back(catalog->EdgeTypeName(i));
  }
  for (size_t i = 0; i < catalog->property_key_count(); ++i) {
    d.property_names.push_back(catalog->PropertyKeyName(i));
  }
  return d;
}

absl::Status Database::AddLabel(const LabelSpec& label) {
  schema::LabelDef def{label.name, label.key_property, {}, label.lookup_properties};
  for (const PropertySpec& p : label.properties) {
    ASSIGN_OR_RETURN(schema::PropertyDef d, ToDef(p));
    def.properties.push_back(std::move(d));
  }
  // The key must be required, or a node could escape its uniqueness.
  for (auto& p : def.properties) {
    if (p.name == def.key_property) p.required = true;
  }
  return store_->UpdateCatalog([&](schema::Catalog& c) { return c.AddLabel(def); });
}

absl::Status Database::AddProperty(std::string_view label, const PropertySpec& property) {
  ASSIGN_OR_RETURN(schema::PropertyDef def, ToDef(property));
  return store_->UpdateCatalog(
      [&](schema::Catalog& c) { return c.AddLabelProperty(label, def); });
}

absl::Status Database::AddRelationshipType(const RelationshipTypeSpec& type) {
  schema::EdgeTypeDef def{type.name, type.from_label, type.to_label, {}};
  for (const PropertySpec& p : type.properties) {
    ASSIGN_OR_RETURN(schema::PropertyDef d, ToDef(p));
    def.properties.push_back(std::move(d));
  }
  return store_->UpdateCatalog([&](schema::Catalog& c) { return c.AddEdgeType(def); });
}

absl::Status Database::AddRelationshipProperty(std::string_view type,
                                               const PropertySpec& property) {
  ASSIGN_OR_RETURN(schema::PropertyDef def, ToDef(property));
  return store_->UpdateCatalog(
      [&](schema::Catalog& c) { return c.AddEdgeTypeProperty(type, def); });
}

}  // namespace alliance

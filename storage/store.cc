#include "storage/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <thread>

#include "absl/strings/numbers.h"
#include "schema/str_cat.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "schema/status_macros.h"
#include "storage/rocks_status.h"
#include "storage/transaction.h"

namespace alliance::storage {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCfNames[] = {"meta", "nodes", "out", "in", "label_idx", "unique_idx",
                                    "lookup_idx"};
constexpr const char* kLockFile = "alliance.lock";

rocksdb::ColumnFamilyOptions CfOptions(Cf which, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10, false));
  table.format_version = 5;
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  if (which == Cf::kOut || which == Cf::kIn) {
    // "All edges of node X" is the hot path: whole-key filters do not help a
    // prefix seek, prefix Bloom filters do.
    o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(kNodeKeySize));
    table.whole_key_filtering = false;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(
    const std::shared_ptr<rocksdb::Cache>& cache) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  cfs.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
    cfs.emplace_back(kCfNames[i], CfOptions(static_cast<Cf>(i), cache));
  }
  return cfs;
}

bool DirectoryIsEmpty(const std::string& path) {
  std::error_code ec;
  return fs::is_empty(path, ec) && !ec;
}

}  // namespace

absl::Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return absl::OkStatus();
  if (s.IsCorruption()) return absl::DataLossError(StrCat(what, ": ", s.ToString()));
  if (s.IsNotFound()) return absl::NotFoundError(StrCat(what, ": ", s.ToString()));
  return absl::InternalError(StrCat(what, ": ", s.ToString()));
}

size_t Store::block_cache_capacity() const {
  return block_cache_ ? block_cache_->GetCapacity() : 0;
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                                   const StoreOptions& options) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  store->options_ = options;
  store->block_cache_ = rocksdb::NewLRUCache(options.block_cache_bytes);

  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists || DirectoryIsEmpty(path)) {
    if (options.read_only || !options.create_if_missing) {
      return absl::NotFoundError(StrCat("no database at ", path));
    }
    fs::create_directories(path, ec);
    if (ec) {
      return absl::InternalError(StrCat("cannot create ", path, ": ", ec.message()));
    }
    RETURN_IF_ERROR(store->AcquireProcessLock());
    RETURN_IF_ERROR(store->Create());
    return store;
  }
  if (!fs::is_directory(path, ec)) {
    return absl::FailedPreconditionError(
        StrCat("not an AllianceDB database: ", path, " is not a directory"));
  }
  if (!fs::exists(fs::path(path) / "CURRENT", ec)) {
    return absl::FailedPreconditionError(StrCat(
        "not an AllianceDB database: ", path, " holds other files (no RocksDB CURRENT file)"));
  }
  if (!options.read_only) RETURN_IF_ERROR(store->AcquireProcessLock());
  RETURN_IF_ERROR(store->OpenExisting(options.read_only));
  RETURN_IF_ERROR(store->LoadMeta());
  return store;
}

Store::~Store() {
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    if (h != nullptr && db_ != nullptr) db_->DestroyColumnFamilyHandle(h);
  }
  if (db_ != nullptr) {
    db_->Close().PermitUncheckedError();
    delete db_;
  }
  if (!secondary_path_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_path_, ec);
  }
  if (lock_fd_ >= 0) {
    // The lock goes with the descriptor; the file stays so its path is stable.
    ::close(lock_fd_);
  }
}

absl::Status Store::AcquireProcessLock() {
  const std::string lock_path = (fs::path(path_) / kLockFile).string();
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::PermissionDeniedError(
        StrCat("cannot open lock file ", lock_path, ": ", std::strerror(errno)));
  }
  // A read-only open checking the files holds the lock shared for a moment
  // (see VerifyLiveFiles); a writer waits that out, not another writer.
  bool locked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  for (int waited_ms = 0; !locked && waited_ms < 500; waited_ms += 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    locked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  }
  if (!locked) {
    std::string holder;
    std::ifstream in(lock_path);
    std::getline(in, holder);
    ::close(fd);
    return absl::UnavailableError(StrCat(
        "database is locked: ", path_, " is open for writing by another opener (",
        holder.empty() ? "unknown holder" : holder,
        "); open it read-only, or close the other one first"));
  }
  std::error_code ec;
  const std::string exe = fs::read_symlink("/proc/self/exe", ec).string();
  const std::string holder = StrCat("pid ", ::getpid(), ", ", ec ? "?" : exe, "\n");
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.data(), holder.size(), 0) < 0) {
    // The lock holds without the note; the note only improves the error above.
  }
  lock_fd_ = fd;
  return absl::OkStatus();
}

absl::Status Store::Create() {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 2;
  db_options.info_log_level = rocksdb::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  rocksdb::Status s = rocksdb::DB::Open(db_options, path_, Descriptors(block_cache_), &handles_,
                                        &db_);
  RETURN_IF_ERROR(FromRocks(s, StrCat("cannot create database at ", path_)));
  // handles_[0] is the default family, unused: keep the slots aligned with Cf.
  db_->DestroyColumnFamilyHandle(handles_[0]);
  handles_.erase(handles_.begin());

  auto catalog = std::make_shared<schema::Catalog>(
      options_.mode_on_create == schema::SchemaMode::kEnforced ? schema::Catalog::AllianceSchema()
                                                              : schema::Catalog::Free());
  rocksdb::WriteBatch batch;
  auto* meta = cf(Cf::kMeta);
  batch.Put(meta, std::string(MetaKey::kFormatVersion), std::to_string(kFormatVersion));
  batch.Put(meta, std::string(MetaKey::kCatalog), catalog->Serialize());
  batch.Put(meta, std::string(MetaKey::kNextNodeId), "1");
  batch.Put(meta, std::string(MetaKey::kNextEdgeId), "1");
  rocksdb::WriteOptions wo;
  wo.sync = true;
  RETURN_IF_ERROR(FromRocks(db_->Write(wo, &batch), "cannot initialise database"));
  catalog_ = std::move(catalog);
  return absl::OkStatus();
}

absl::Status Store::OpenExisting(bool read_only) {
  rocksdb::DBOptions db_options;
  db_options.info_log_level = rocksdb::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  db_options.max_background_jobs = 2;
  db_options.paranoid_checks = true;
  std::vector<std::string> families;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path_, &families);
  if (!s.ok()) {
    return absl::DataLossError(StrCat("cannot open ", path_,
                                            ": the database files are damaged (", s.ToString(),
                                            ")"));
  }
  for (const char* name : kCfNames) {
    if (std::find(families.begin(), families.end(), name) == families.end()) {
      // Listing the families skips what it cannot read: a damaged MANIFEST
      // also looks like a database without ours. A real open tells them apart.
      rocksdb::DB* probe = nullptr;
      rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(rocksdb::Options(db_options, {}),
                                                            path_, &probe);
      delete probe;
      if (!opened.ok()) {
        return absl::DataLossError(StrCat("cannot open ", path_,
                                          ": the database files are damaged (",
                                          opened.ToString(), ")"));
      }
      return absl::FailedPreconditionError(StrCat(
          "not an AllianceDB database: ", path_, " is a RocksDB database whose MANIFEST lists no '",
          name, "' column family (another program's database, or a MANIFEST cut short)"));
    }
  }
  if (read_only) {
    // A secondary instance follows a live writer safely (a read-only instance
    // beside a writer is undefined in RocksDB); it needs its own scratch folder.
    char scratch[] = "/tmp/alliancedb-reader-XXXXXX";
    if (::mkdtemp(scratch) == nullptr) {
      return absl::InternalError(
          StrCat("cannot create a scratch directory: ", std::strerror(errno)));
    }
    secondary_path_ = scratch;
    db_options.max_open_files = -1;
    s = rocksdb::DB::OpenAsSecondary(db_options, path_, secondary_path_, Descriptors(block_cache_),
                                     &handles_, &db_);
    if (s.ok()) s = db_->TryCatchUpWithPrimary();
  } else {
    s = rocksdb::DB::Open(db_options, path_, Descriptors(block_cache_), &handles_, &db_);
  }
  if (!s.ok()) {
    return absl::DataLossError(
        StrCat("cannot open ", path_, ": the database files are damaged (", s.ToString(),
                     ")"));
  }
  if (read_only) RETURN_IF_ERROR(VerifyLiveFiles(db_options));
  db_->DestroyColumnFamilyHandle(handles_[0]);
  handles_.erase(handles_.begin());
  return absl::OkStatus();
}

absl::Status Store::VerifyLiveFiles(const rocksdb::DBOptions& db_options) const {
  // A secondary instance skips table files it cannot open (its writer may
  // have just deleted them), so a missing or truncated file would read as no
  // data at all. When no writer holds the database, a plain read-only open,
  // which refuses such files as a writer's open does, checks them first; the
  // shared lock (where a writer ever made the lock file) keeps a writer from
  // starting meanwhile. With a writer present, its own open has checked them.
  const std::string lock_path = (fs::path(path_) / kLockFile).string();
  const int fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0 && ::flock(fd, LOCK_SH | LOCK_NB) != 0) {
    ::close(fd);
    return absl::OkStatus();  // a writer is there
  }
  rocksdb::DBOptions probe_options = db_options;
  probe_options.max_open_files = -1;  // open every table file now
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* probe = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(probe_options, path_,
                                                   Descriptors(block_cache_), &handles, &probe);
  if (s.ok()) {
    for (rocksdb::ColumnFamilyHandle* h : handles) probe->DestroyColumnFamilyHandle(h);
    delete probe;
  }
  if (fd >= 0) ::close(fd);  // releases the shared lock
  if (!s.ok()) {
    return absl::DataLossError(StrCat("cannot open ", path_,
                                      ": the database files are damaged (", s.ToString(), ")"));
  }
  return absl::OkStatus();
}

absl::Status Store::LoadMeta() {
  auto get = [&](std::string_view key, std::string* value) {
    return db_->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), std::string(key), value);
  };
  std::string value;
  rocksdb::Status s = get(MetaKey::kFormatVersion, &value);
  if (s.IsNotFound()) {
    return absl::FailedPreconditionError(StrCat(
        "not an AllianceDB database: ", path_, " has no format version (was its creation cut short?)"));
  }
  RETURN_IF_ERROR(FromRocks(s, "cannot read the format version"));
  int version = 0;
  if (!absl::SimpleAtoi(value, &version)) {
    return absl::DataLossError(StrCat("format version of ", path_, " is unreadable"));
  }
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(StrCat(
        "database ", path_, " has format version ", version, "; this build reads version ",
        kFormatVersion, version > kFormatVersion ? " (it was written by a newer AllianceDB)"
                                                 : " (it needs an upgrade)"));
  }
  RETURN_IF_ERROR(FromRocks(get(MetaKey::kCatalog, &value), "cannot read the catalog"));
  ASSIGN_OR_RETURN(schema::Catalog catalog, schema::Catalog::Deserialize(value));
  catalog_ = std::make_shared<const schema::Catalog>(std::move(catalog));
  for (auto [key, counter] : {std::pair{MetaKey::kNextNodeId, &next_node_id_},
                              std::pair{MetaKey::kNextEdgeId, &next_edge_id_}}) {
    RETURN_IF_ERROR(FromRocks(get(key, &value), "cannot read the id counters"));
    uint64_t next = 0;
    if (!absl::SimpleAtoi(value, &next)) {
      return absl::DataLossError(StrCat("id counter '", key, "' is unreadable"));
    }
    counter->store(next);
  }
  return absl::OkStatus();
}

std::shared_ptr<const schema::Catalog> Store::catalog() const {
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  return catalog_;
}

void Store::PublishCatalog(std::shared_ptr<const schema::Catalog> catalog) {
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  catalog_ = std::move(catalog);
}

void Store::FillSstOptions(Cf which, rocksdb::Options* options) const {
  *options = rocksdb::Options(rocksdb::DBOptions(), CfOptions(which, block_cache_));
}

uint64_t Store::sequence_number() const { return db_->GetLatestSequenceNumber(); }

absl::Status Store::Backup(const std::string& destination) {
  std::error_code ec;
  if (fs::exists(destination, ec) || ec) {
    return absl::FailedPreconditionError(
        StrCat("backup destination ", destination, " already exists"));
  }
  rocksdb::Checkpoint* raw = nullptr;
  RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db_, &raw), "backup"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // A read-write open flushes its unflushed commits into the copy. A
  // read-only open (a secondary instance) cannot flush; its copy takes the
  // log files, and the writer it follows may delete a file it was linking,
  // so it catches up and tries again.
  rocksdb::Status s;
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (attempt > 0) s = db_->TryCatchUpWithPrimary();
    if (s.ok()) {
      s = checkpoint->CreateCheckpoint(
          destination, options_.read_only ? std::numeric_limits<uint64_t>::max() : 0);
    }
    if (s.ok() || !options_.read_only) break;
  }
  return FromRocks(s, StrCat("backup to ", destination));
}

std::unique_ptr<Transaction> Store::BeginRead() {
  return std::unique_ptr<Transaction>(new Transaction(this, catalog()));
}

absl::StatusOr<std::unique_ptr<Transaction>> Store::BeginWrite() {
  if (options_.read_only) {
    return absl::FailedPreconditionError(
        StrCat("database ", path_, " is open read-only: writes are refused"));
  }
  WriterSlot::Guard writer = AcquireWriter();
  if (!writer.held()) {
    return absl::UnavailableError(
        "another write transaction is open on this database (one writer at a time)");
  }
  return std::unique_ptr<Transaction>(new Transaction(this, catalog(), std::move(writer)));
}

absl::Status Store::UpdateCatalog(
    const std::function<absl::Status(schema::Catalog&)>& change) {
  if (options_.read_only) {
    return absl::FailedPreconditionError(
        StrCat("database ", path_, " is open read-only: the schema cannot change"));
  }
  WriterSlot::Guard writer = AcquireWriter();
  if (!writer.held()) {
    return absl::UnavailableError("another write transaction is open on this database");
  }
  schema::Catalog next = *catalog();
  RETURN_IF_ERROR(change(next));
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync_on_commit;
  RETURN_IF_ERROR(FromRocks(db_->Put(wo, cf(Cf::kMeta), std::string(MetaKey::kCatalog),
                                     next.Serialize()),
                            "cannot store the schema"));
  PublishCatalog(std::make_shared<const schema::Catalog>(next));
  return absl::OkStatus();
}

}  // namespace alliance::storage

#include "alliance/default_database.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "schema/str_cat.h"
#include "schema/status_macros.h"

#ifndef ALLIANCE_SOURCE_DATA_DIR
#define ALLIANCE_SOURCE_DATA_DIR ""
#endif

namespace alliance {
namespace {

namespace fs = std::filesystem;

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

bool HasDataset(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "nodes", ec) && fs::is_directory(dir / "edges", ec);
}

std::vector<ImportFile> DatasetFiles(const fs::path& dir) {
  std::vector<ImportFile> files;
  for (const char* sub : {"nodes", "edges"}) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir / sub)) {
      if (entry.path().extension() == ".csv") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      ImportFile file;
      file.path = p.string();
      files.push_back(std::move(file));
    }
  }
  return files;
}

}  // namespace

std::string DefaultDatabasePath() {
  if (std::string home = Env("ALLIANCEDB_HOME"); !home.empty()) return home;
  std::string data = Env("XDG_DATA_HOME");
  if (data.empty()) {
    std::string home = Env("HOME");
    data = (fs::path(home.empty() ? "." : home) / ".local" / "share").string();
  }
  return (fs::path(data) / "alliancedb" / "default").string();
}

absl::StatusOr<std::string> BundledDataDirectory() {
  if (std::string dir = Env("ALLIANCEDB_DATA_DIR"); !dir.empty()) {
    if (!HasDataset(dir)) {
      return absl::NotFoundError(StrCat("ALLIANCEDB_DATA_DIR=", dir,
                                              " has no nodes/ and edges/ folders"));
    }
    return dir;
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "alliancedb" / "data";
    if (HasDataset(installed)) return installed.string();
  }
  if (HasDataset(ALLIANCE_SOURCE_DATA_DIR)) return std::string(ALLIANCE_SOURCE_DATA_DIR);
  return absl::NotFoundError(
      "the bundled dataset is not installed (looked in share/alliancedb/data beside the "
      "binary and in the source tree); set ALLIANCEDB_DATA_DIR");
}

absl::StatusOr<std::unique_ptr<Database>> OpenOrCreateBundled(const std::string& path,
                                                              bool read_only) {
  std::error_code ec;
  if (!fs::exists(path, ec) || fs::is_empty(path, ec)) {
    ASSIGN_OR_RETURN(std::string data, BundledDataDirectory());
    const fs::path target(path);
    fs::create_directories(target.parent_path().empty() ? fs::path(".") : target.parent_path(),
                           ec);
    const fs::path staging = StrCat(path, ".building-", ::getpid());
    fs::remove_all(staging, ec);
    {
      ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(staging.string()));
      absl::StatusOr<ImportResult> imported = db->Import(DatasetFiles(data));
      if (!imported.ok()) {
        db.reset();
        fs::remove_all(staging, ec);
        return absl::Status(imported.status().code(),
                            StrCat("cannot build the default database: ",
                                         imported.status().message()));
      }
    }
    // An empty directory left at `path` would block the rename.
    fs::remove(path, ec);
    fs::rename(staging, path, ec);
    if (ec) {
      fs::remove_all(staging, ec);
      // Another process may have won the race; its database is as good.
      if (!fs::exists(fs::path(path) / "CURRENT")) {
        return absl::InternalError(StrCat("cannot move the new database to ", path));
      }
    }
  }
  return read_only ? Database::OpenReadOnly(path) : Database::Open(path);
}

}  // namespace alliance

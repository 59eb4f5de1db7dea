// GeneratedDatabase: a scratch directory holding a generated alliance graph
// (ALLIANCE_BENCH_ORGS organisations, default 100000; a tenth as many
// consortia) and a database imported from it, removed when destroyed.
#ifndef ALLIANCE_BENCH_GENERATED_DATABASE_H_
#define ALLIANCE_BENCH_GENERATED_DATABASE_H_

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "alliance/database.h"
#include "alliance/generator.h"

namespace alliance::bench {

inline int64_t BenchOrganisations() {
  const char* v = std::getenv("ALLIANCE_BENCH_ORGS");
  return v ? std::atoll(v) : 100000;
}

// The CSV files of a generated graph, in import order.
inline std::vector<ImportFile> GeneratedFiles(const std::string& csv_dir) {
  std::vector<ImportFile> files;
  for (const char* sub : {"nodes", "edges"}) {
    for (const auto& e : std::filesystem::directory_iterator(csv_dir + "/" + sub)) {
      files.push_back({e.path().string()});
    }
  }
  return files;
}

struct GeneratedDatabase {
  std::string dir;
  GeneratorStats stats;
  std::unique_ptr<Database> db;  // open read-write on `db_path()`

  explicit GeneratedDatabase(const std::string& name) {
    const char* base = std::getenv("TMPDIR");
    dir = std::string(base && *base ? base : "/tmp") + "/" + name + "-" + std::to_string(getpid());
    GeneratorOptions g;
    g.organisations = BenchOrganisations();
    g.consortia = std::max<int64_t>(1, g.organisations / 10);
    stats = *GenerateAllianceGraph(g, csv_dir());
    db = *Database::Open(db_path());
    (void)db->Import(GeneratedFiles(csv_dir()));
  }
  ~GeneratedDatabase() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
  std::string csv_dir() const { return dir + "/csv"; }
  std::string db_path() const { return dir + "/db"; }
};

}  // namespace alliance::bench

#endif  // ALLIANCE_BENCH_GENERATED_DATABASE_H_

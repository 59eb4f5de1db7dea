// Database::Backup: an online copy taken while a writer commits.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "alliance/database.h"
#include "tests/temp_dir.h"

namespace alliance {
namespace {

// Transactions of kBatch organisations each, the batch number on every one.
constexpr int kBatch = 5;

int64_t CountOrganisations(Database& db) {
  auto result = db.Execute("MATCH (o:Organisation) RETURN count(o) AS n");
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? result->rows[0][0].as_int() : -1;
}

// While a writer thread keeps committing, the copy holds every transaction
// acknowledged before the backup began, each whole (no partial batch), and
// passes the invariant checker; the writer is not held up.
TEST(BackupTest, CopyWhileAWriterCommitsHoldsWholeAcknowledgedTransactions) {
  testing::TempDir dir;
  alliance::Options options;
  options.sync_on_commit = false;
  auto db = *Database::Open(dir.Sub("db"), options);
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int batch = 0; !stop.load(); ++batch) {
      auto txn = db->BeginWrite();
      ASSERT_TRUE(txn.ok()) << txn.status();
      for (int i = 0; i < kBatch; ++i) {
        ASSERT_TRUE((*txn)
                        ->CreateNode({"Organisation"},
                                     {{"name", Value::String("org " + std::to_string(batch) +
                                                             "/" + std::to_string(i))},
                                      {"kind", Value::String("company")},
                                      {"description", Value::String(std::to_string(batch))}})
                        .ok());
      }
      ASSERT_TRUE((*txn)->Commit().ok());
      acknowledged.store(batch + 1);
    }
  });
  while (acknowledged.load() < 50) std::this_thread::yield();
  const int before = acknowledged.load();
  const absl::Status backed_up = db->Backup(dir.Sub("copy"));
  const int during = acknowledged.load();
  stop.store(true);
  writer.join();
  ASSERT_TRUE(backed_up.ok()) << backed_up;
  EXPECT_GT(acknowledged.load(), before);  // the writer went on

  auto copy = Database::Open(dir.Sub("copy"));
  ASSERT_TRUE(copy.ok()) << copy.status();
  auto check = (*copy)->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
  auto rows = (*copy)->Execute(
      "MATCH (o:Organisation) RETURN o.description AS batch, count(o) AS n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  std::map<int, int64_t> per_batch;
  for (const auto& row : rows->rows) per_batch[std::stoi(row[0].as_string())] = row[1].as_int();
  for (const auto& [batch, n] : per_batch) EXPECT_EQ(n, kBatch) << "batch " << batch;
  // Batches 0 .. k-1 for some k between those acknowledged before and after.
  ASSERT_FALSE(per_batch.empty());
  EXPECT_EQ(per_batch.begin()->first, 0);
  EXPECT_EQ(static_cast<int>(per_batch.size()), per_batch.rbegin()->first + 1);
  EXPECT_GE(static_cast<int>(per_batch.size()), before);
  EXPECT_LE(static_cast<int>(per_batch.size()), during + 1);
  EXPECT_EQ(CountOrganisations(**copy), static_cast<int64_t>(per_batch.size()) * kBatch);
}

// A destination that exists is refused and left alone; the copy is a
// database of its own (writes to it do not reach the original).
TEST(BackupTest, RefusesAnExistingDestinationAndCopiesAreIndependent) {
  testing::TempDir dir;
  auto db = *Database::Open(dir.Sub("db"));
  ASSERT_TRUE(db->Execute("CREATE (:Organisation {name: 'KAIST', kind: 'university'})").ok());
  std::filesystem::create_directories(dir.Sub("taken"));
  const absl::Status refused = db->Backup(dir.Sub("taken"));
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("already exists"), std::string::npos) << refused;
  EXPECT_TRUE(std::filesystem::is_empty(dir.Sub("taken")));

  ASSERT_TRUE(db->Backup(dir.Sub("copy")).ok());
  auto copy = *Database::Open(dir.Sub("copy"));
  ASSERT_TRUE(copy->Execute("CREATE (:Organisation {name: 'Upstage', kind: 'company'})").ok());
  EXPECT_EQ(CountOrganisations(*copy), 2);
  EXPECT_EQ(CountOrganisations(*db), 1);
}

}  // namespace
}  // namespace alliance

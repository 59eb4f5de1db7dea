#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/store.h"
#include "storage/transaction.h"
#include "tests/temp_dir.h"

namespace alliance::storage {
namespace {

// Many readers beside one writer: every reader sees a consistent snapshot
// (each committed transaction adds a node and its edge together, so the node
// and edge counts a reader sees always agree).
TEST(ConcurrencyTest, ReadersSeeConsistentSnapshotsBesideAWriter) {
  alliance::testing::TempDir dir;
  StoreOptions options;
  options.sync_on_commit = false;
  auto store = *Store::Open(dir.path(), options);
  NodeId hub;
  {
    auto txn = *store->BeginWrite();
    hub = *txn->CreateNode({"Consortium"}, {{"name", Value::String("hub")},
                                            {"kind", Value::String("programme")}});
    ASSERT_TRUE(txn->Commit().ok());
  }
  std::atomic<bool> done{false};
  std::atomic<int> inconsistent{0}, reads{0};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      auto txn = *store->BeginWrite();
      NodeId n = *txn->CreateNode({"Organisation"}, {{"name", Value::String("o" + std::to_string(i))},
                                                     {"kind", Value::String("company")}});
      (void)txn->CreateEdge(n, "MEMBER_OF", hub, {{"role", Value::String("member")}});
      (void)txn->Commit();
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      while (!done) {
        auto txn = store->BeginRead();
        int nodes = 0, edges = 0;
        (void)txn->ScanNodes([&](NodeId, std::string_view) { return ++nodes > 0; });
        (void)txn->ForEachEdge(hub, Direction::kIn, std::nullopt,
                               [&](const EdgeKey&, std::string_view) { return ++edges > 0; });
        if (nodes != edges + 1) ++inconsistent;
        ++reads;
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(inconsistent.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

// Write transactions of one process take turns.
TEST(ConcurrencyTest, WritersAreSerialised) {
  alliance::testing::TempDir dir;
  StoreOptions options;
  options.sync_on_commit = false;
  auto store = *Store::Open(dir.path(), options);
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 50; ++i) {
        auto txn = store->BeginWrite();
        ASSERT_TRUE(txn.ok());
        ASSERT_TRUE((*txn)->CreateNode({"Organisation"},
                                       {{"name", Value::String(std::to_string(w * 1000 + i))},
                                        {"kind", Value::String("company")}})
                        .ok());
        ASSERT_TRUE((*txn)->Commit().ok());
      }
    });
  }
  for (auto& t : writers) t.join();
  int nodes = 0;
  (void)store->BeginRead()->ScanNodes([&](NodeId, std::string_view) { return ++nodes > 0; });
  EXPECT_EQ(nodes, 200);
}

}  // namespace
}  // namespace alliance::storage

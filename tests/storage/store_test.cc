#include "storage/store.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <thread>

#include "rocksdb/db.h"
#include "storage/checker.h"
#include "storage/transaction.h"
#include "tests/temp_dir.h"

namespace alliance::storage {
namespace {

using alliance::testing::TempDir;

PropertyMap Org(const std::string& name, const std::string& kind = "university") {
  return PropertyMap{{"name", Value::String(name)}, {"kind", Value::String(kind)}};
}

PropertyMap Con(const std::string& name) {
  return PropertyMap{{"name", Value::String(name)}, {"kind", Value::String("programme")}};
}

std::unique_ptr<Store> OpenOrDie(const std::string& path, StoreOptions options = {}) {
  auto store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

// Runs `fn` in a child process and returns its exit code.
int InChild(const std::function<int()>& fn) {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(fn());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(StoreTest, CreatesReadsAndPersistsAcrossReopen) {
  TempDir dir;
  NodeId kaist, nc;
  {
    auto store = OpenOrDie(dir.path());
    auto txn = *store->BeginWrite();
    kaist = *txn->CreateNode({"Organisation"}, Org("KAIST"));
    nc = *txn->CreateNode({"Consortium"}, Con("NC AI Consortium"));
    ASSERT_TRUE(txn->CreateEdge(kaist, "MEMBER_OF", nc,
                                {{"role", Value::String("member")}, {"since", Value::Int(2025)}})
                    .ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto store = OpenOrDie(dir.path());
  auto txn = store->BeginRead();
  auto node = *txn->GetNode(kaist);
  ASSERT_TRUE(node.has_value());
  EXPECT_EQ(txn->LabelNames(node->labels), std::vector<std::string>{"Organisation"});
  const auto& catalog = txn->catalog();
  EXPECT_EQ(*txn->GetNodeProperty(kaist, *catalog.FindPropertyKey("name")),
            Value::String("KAIST"));
  auto found = *txn->FindByKey(*catalog.FindLabel("Organisation"),
                               *catalog.FindPropertyKey("name"), Value::String("KAIST"));
  EXPECT_EQ(found, kaist);
  int out = 0, in = 0;
  ASSERT_TRUE(txn->ForEachEdge(kaist, Direction::kOut, std::nullopt,
                               [&](const EdgeKey& e, std::string_view) {
                                 EXPECT_EQ(e.dst, nc);
                                 ++out;
                                 return true;
                               }).ok());
  ASSERT_TRUE(txn->ForEachEdge(nc, Direction::kIn, catalog.FindEdgeType("MEMBER_OF"),
                               [&](const EdgeKey& e, std::string_view record) {
                                 EXPECT_EQ(e.src, kaist);
                                 auto props = DecodeEdgeRecord(record);
                                 EXPECT_EQ(txn->PropertiesByName(*props)["role"],
                                           Value::String("member"));
                                 ++in;
                                 return true;
                               }).ok());
  EXPECT_EQ(out, 1);
  EXPECT_EQ(in, 1);
  // New ids continue after the persisted counter.
  auto w = *store->BeginWrite();
  EXPECT_GT(*w->CreateNode({"Organisation"}, Org("POSTECH")), nc);
}

TEST(StoreTest, UpdatesAndRemovesPropertiesAndKeepsIndexesInStep) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  NodeId id = *txn->CreateNode({"Organisation"}, Org("Korea University"));
  ASSERT_TRUE(txn->SetNodeProperties(id, {{"name", Value::String("KU")},
                                          {"aliases", Value::MakeList({Value::String("고려대")})}},
                                     false)
                  .ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto read = store->BeginRead();
  const auto& c = read->catalog();
  auto label = *c.FindLabel("Organisation");
  EXPECT_FALSE(read->FindByKey(label, *c.FindPropertyKey("name"), Value::String("Korea University"))
                   ->has_value());
  EXPECT_EQ(*read->FindByKey(label, *c.FindPropertyKey("name"), Value::String("KU")), id);
  EXPECT_EQ(*read->FindByLookup(label, *c.FindPropertyKey("aliases"), Value::String("고려대")),
            std::vector<NodeId>{id});
  auto check = CheckStore(*read);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok()) << check->problems.front();
}

// Strings are stored in NFC: a decomposed Hangul name finds the precomposed one.
TEST(StoreTest, StringsAreNfcNormalised) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  // "한" as jamo U+1112 U+1161 U+11AB.
  const std::string decomposed = "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab";
  NodeId id = *txn->CreateNode({"Organisation"}, Org(decomposed));
  ASSERT_TRUE(txn->Commit().ok());
  auto read = store->BeginRead();
  const auto& c = read->catalog();
  EXPECT_EQ(*read->GetNodeProperty(id, *c.FindPropertyKey("name")), Value::String("한"));
  EXPECT_EQ(*read->FindByKey(*c.FindLabel("Organisation"), *c.FindPropertyKey("name"),
                             Value::String(decomposed)),
            id);
  auto w = *store->BeginWrite();
  EXPECT_EQ(w->CreateNode({"Organisation"}, Org("bad\xff")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Every schema violation is refused with a message naming what broke it, and
// nothing is written.
TEST(StoreTest, SchemaViolationsAreRefused) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  NodeId kaist = *txn->CreateNode({"Organisation"}, Org("KAIST"));
  NodeId con = *txn->CreateNode({"Consortium"}, Con("C"));
  auto dup = txn->CreateNode({"Organisation"}, Org("KAIST"));
  EXPECT_EQ(dup.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(dup.status().message().find("duplicate key Organisation name 'KAIST'"),
            std::string::npos)
      << dup.status();
  EXPECT_FALSE(txn->CreateNode({"Person"}, Org("X")).ok());
  EXPECT_FALSE(txn->CreateEdge(con, "MEMBER_OF", kaist, {{"role", Value::String("m")}}).ok());
  EXPECT_FALSE(txn->CreateEdge(kaist, "MEMBER_OF", con,
                               {{"role", Value::String("m")}, {"since", Value::String("2025")}})
                   .ok());
  EXPECT_FALSE(txn->SetNodeProperties(kaist, {{"kind", Value::Int(3)}}, false).ok());
  EXPECT_FALSE(txn->SetNodeLabels(kaist, {"Person"}, {}).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto read = store->BeginRead();
  int count = 0;
  ASSERT_TRUE(read->ScanNodes([&](NodeId, std::string_view) { return ++count > 0; }).ok());
  EXPECT_EQ(count, 2);
}

// Required properties are checked at commit, so a transaction may create a
// node and set its required properties afterwards; if they are still missing
// at commit, nothing is written.
TEST(StoreTest, RequiredPropertiesAreCheckedAtCommit) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  NodeId n = *txn->CreateNode({"Organisation"}, {{"name", Value::String("Y")}});
  ASSERT_TRUE(txn->SetNodeProperties(n, {{"kind", Value::String("company")}}, false).ok());
  ASSERT_TRUE(txn->Commit().ok());

  txn = *store->BeginWrite();
  NodeId c = *txn->CreateNode({"Consortium"}, Con("C"));
  ASSERT_TRUE(txn->CreateNode({"Organisation"}, {{"name", Value::String("Z")}}).ok());
  absl::Status s = txn->Commit();
  EXPECT_NE(s.message().find("requires property 'kind'"), std::string::npos) << s;
  txn = *store->BeginWrite();
  ASSERT_TRUE(txn->CreateEdge(n, "MEMBER_OF", *txn->CreateNode({"Consortium"}, Con("D")), {}).ok());
  s = txn->Commit();
  EXPECT_NE(s.message().find("requires property 'role'"), std::string::npos) << s;
  auto read = store->BeginRead();
  int count = 0;
  ASSERT_TRUE(read->ScanNodes([&](NodeId, std::string_view) { return ++count > 0; }).ok());
  EXPECT_EQ(count, 1);
  (void)c;
}

// A transaction whose later step fails is dropped: none of its earlier
// writes become visible.
TEST(StoreTest, TransactionsAreAtomic) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  {
    auto txn = *store->BeginWrite();
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(txn->CreateNode({"Organisation"}, Org("org" + std::to_string(i))).ok());
    }
    // The injected failure: a write the schema refuses, halfway through.
    ASSERT_FALSE(txn->CreateNode({"Organisation"}, Org("org7")).ok());
    // Dropped without Commit().
  }
  auto read = store->BeginRead();
  int count = 0;
  ASSERT_TRUE(read->ScanNodes([&](NodeId, std::string_view) { return ++count > 0; }).ok());
  EXPECT_EQ(count, 0);
  // A reader's snapshot does not see a later commit.
  auto w = *store->BeginWrite();
  ASSERT_TRUE(w->CreateNode({"Organisation"}, Org("late")).ok());
  ASSERT_TRUE(w->Commit().ok());
  count = 0;
  ASSERT_TRUE(read->ScanNodes([&](NodeId, std::string_view) { return ++count > 0; }).ok());
  EXPECT_EQ(count, 0);
  EXPECT_FALSE(w->CreateNode({"Organisation"}, Org("after commit")).ok());
}

TEST(StoreTest, DeleteRefusesConnectedNodesDetachDeleteRemovesEdges) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  NodeId a = *txn->CreateNode({"Organisation"}, Org("A"));
  NodeId b = *txn->CreateNode({"Organisation"}, Org("B"));
  NodeId c = *txn->CreateNode({"Consortium"}, Con("C"));
  ASSERT_TRUE(txn->CreateEdge(a, "PART_OF", b, {}).ok());
  ASSERT_TRUE(txn->CreateEdge(b, "MEMBER_OF", c, {{"role", Value::String("lead")}}).ok());
  ASSERT_TRUE(txn->Commit().ok());

  txn = *store->BeginWrite();
  absl::Status refused = txn->DeleteNode(b, false);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("DETACH DELETE"), std::string::npos) << refused;
  ASSERT_TRUE(txn->DeleteNode(b, true).ok());
  ASSERT_TRUE(txn->Commit().ok());

  auto read = store->BeginRead();
  EXPECT_FALSE(read->GetNode(b)->has_value());
  int edges = 0;
  ASSERT_TRUE(read->ScanEdges([&](const EdgeKey&, std::string_view) { return ++edges > 0; }).ok());
  EXPECT_EQ(edges, 0);
  auto report = CheckStore(*read);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->nodes, 2u);
  EXPECT_FALSE(read->FindByKey(*read->catalog().FindLabel("Organisation"),
                               *read->catalog().FindPropertyKey("name"), Value::String("B"))
                   ->has_value());
}

// Free mode: any labels, types and properties, with names added to the catalog.
TEST(StoreTest, FreeModeStoresAnything) {
  TempDir dir;
  StoreOptions options;
  options.mode_on_create = schema::SchemaMode::kFree;
  {
    auto store = OpenOrDie(dir.path(), options);
    auto txn = *store->BeginWrite();
    NodeId a = *txn->CreateNode({"A", "B"}, {{"x", Value::Int(1)}});
    NodeId b = *txn->CreateNode({}, {});
    ASSERT_TRUE(txn->CreateEdge(a, "REL", b, {{"w", Value::Double(0.5)}}).ok());
    ASSERT_TRUE(txn->CreateEdge(a, "REL", a, {}).ok());  // self-loop
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto store = OpenOrDie(dir.path());  // reopen keeps free mode
  EXPECT_EQ(store->catalog()->mode(), schema::SchemaMode::kFree);
  auto read = store->BeginRead();
  EXPECT_TRUE(read->catalog().FindLabel("B").has_value());
  auto report = CheckStore(*read);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->edges, 2u);
}

TEST(StoreTest, RefusesForeignDirectoriesAndOtherFormatVersions) {
  TempDir dir;
  std::ofstream(dir.Sub("notes.txt")) << "hello";
  auto foreign = Store::Open(dir.path(), {});
  EXPECT_EQ(foreign.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(foreign.status().message().find("not an AllianceDB database"), std::string::npos);

  // A plain RocksDB database without our column families.
  rocksdb::DB* raw = nullptr;
  rocksdb::Options o;
  o.create_if_missing = true;
  ASSERT_TRUE(rocksdb::DB::Open(o, dir.Sub("plain"), &raw).ok());
  delete raw;
  auto plain = Store::Open(dir.Sub("plain"), {});
  EXPECT_NE(plain.status().message().find("column family"), std::string::npos) << plain.status();

  // A database from a newer format.
  {
    auto store = OpenOrDie(dir.Sub("db"));
    auto* meta = store->cf(Cf::kMeta);
    ASSERT_TRUE(store->db()->Put(rocksdb::WriteOptions(), meta, "format_version", "99").ok());
  }
  auto newer = Store::Open(dir.Sub("db"), {});
  EXPECT_EQ(newer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(newer.status().message().find("format version 99"), std::string::npos)
      << newer.status();
  EXPECT_EQ(Store::Open(dir.Sub("missing"), StoreOptions{.create_if_missing = false}).status().code(),
            absl::StatusCode::kNotFound);
}

// Damaged database files (a table file truncated, filled with garbage or
// gone; a MANIFEST of garbage; CURRENT naming a missing MANIFEST) are refused
// by read-write and read-only opens alike, with the path and RocksDB's
// finding, and no crash: a read-only open must not read a lost file as an
// empty one.
TEST(StoreTest, RefusesDamagedDatabaseFiles) {
  TempDir dir;
  std::vector<std::string> tables;
  std::string manifest;
  {
    auto store = OpenOrDie(dir.Sub("good"));
    auto txn = *store->BeginWrite();
    NodeId prev = 0;
    for (int i = 0; i < 300; ++i) {
      NodeId n = *txn->CreateNode({"Organisation"}, Org("org " + std::to_string(i)));
      if (prev != 0) ASSERT_TRUE(txn->CreateEdge(n, "PART_OF", prev, {}).ok());
      prev = n;
    }
    ASSERT_TRUE(txn->Commit().ok());
    for (int cf = 0; cf < static_cast<int>(Cf::kCount); ++cf) {
      ASSERT_TRUE(store->db()->Flush(rocksdb::FlushOptions(), store->cf(static_cast<Cf>(cf))).ok());
    }
  }
  for (const auto& e : std::filesystem::directory_iterator(dir.Sub("good"))) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(".sst")) tables.push_back(name);
    if (name.starts_with("MANIFEST-")) manifest = name;
  }
  ASSERT_GE(tables.size(), 3u);
  ASSERT_FALSE(manifest.empty());
  struct Damage {
    const char* what;
    std::function<void(const std::string& db)> apply;
  };
  const std::string table = tables[tables.size() / 2];
  const std::vector<Damage> damages = {
      {"truncated table file",
       [&](const std::string& db) {
         std::filesystem::resize_file(db + "/" + table,
                                      std::filesystem::file_size(db + "/" + table) / 2);
       }},
      {"garbage table file",
       [&](const std::string& db) {
         const auto size = std::filesystem::file_size(db + "/" + table);
         std::ofstream(db + "/" + table, std::ios::binary) << std::string(size, 'x');
       }},
      {"missing table file",
       [&](const std::string& db) { std::filesystem::remove(db + "/" + table); }},
      {"garbage MANIFEST",
       [&](const std::string& db) {
         std::ofstream(db + "/" + manifest, std::ios::binary) << std::string(4096, '\x5a');
       }},
      {"CURRENT names a missing MANIFEST",
       [&](const std::string& db) { std::ofstream(db + "/CURRENT") << "MANIFEST-999999\n"; }},
  };
  for (const Damage& damage : damages) {
    for (bool read_only : {false, true}) {
      TempDir copy;
      const std::string db = copy.Sub("db");
      std::filesystem::copy(dir.Sub("good"), db, std::filesystem::copy_options::recursive);
      damage.apply(db);
      StoreOptions options;
      options.read_only = read_only;
      auto opened = Store::Open(db, options);
      ASSERT_FALSE(opened.ok()) << damage.what << (read_only ? " (read-only)" : "");
      EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss)
          << damage.what << ": " << opened.status();
      EXPECT_NE(opened.status().message().find("the database files are damaged"),
                std::string::npos)
          << damage.what << ": " << opened.status();
      EXPECT_NE(opened.status().message().find(db), std::string::npos) << opened.status();
    }
  }
  // The undamaged original still opens both ways.
  EXPECT_TRUE(Store::Open(dir.Sub("good"), {}).ok());
  StoreOptions read_only;
  read_only.read_only = true;
  EXPECT_TRUE(Store::Open(dir.Sub("good"), read_only).ok());
}

// A read-only open checking the files holds the lock shared for a moment; a
// writer opening then waits it out instead of reporting the database locked.
TEST(StoreTest, WriterWaitsOutAReadersFileCheck) {
  TempDir dir;
  { auto store = OpenOrDie(dir.Sub("db")); }
  const int fd = ::open(dir.Sub("db/alliance.lock").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_SH | LOCK_NB), 0);
  std::thread release([fd] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::close(fd);
  });
  auto writer = Store::Open(dir.Sub("db"), {});
  release.join();
  EXPECT_TRUE(writer.ok()) << writer.status();
}

// One read-write opener at a time, in this process or another; read-only
// opens work beside it and see committed data.
TEST(StoreTest, SecondWriterIsLockedOutReadersAreNot) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  {
    auto txn = *store->BeginWrite();
    ASSERT_TRUE(txn->CreateNode({"Organisation"}, Org("KAIST")).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto second = Store::Open(dir.path(), {});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(second.status().message().find("database is locked"), std::string::npos);
  EXPECT_NE(second.status().message().find(dir.path()), std::string::npos);
  EXPECT_NE(second.status().message().find("pid"), std::string::npos) << second.status();

  EXPECT_EQ(InChild([&] {
              auto other = Store::Open(dir.path(), {});
              return other.status().code() == absl::StatusCode::kUnavailable ? 0 : 1;
            }),
            0);
  EXPECT_EQ(InChild([&] {
              auto reader = Store::Open(dir.path(), StoreOptions{.read_only = true});
              if (!reader.ok()) return 1;
              auto txn = (*reader)->BeginRead();
              int count = 0;
              (void)txn->ScanNodes([&](NodeId, std::string_view) { return ++count > 0; });
              if (count != 1) return 2;
              auto w = (*reader)->BeginWrite();
              return w.ok() ? 3 : 0;
            }),
            0);
  store.reset();
  EXPECT_TRUE(Store::Open(dir.path(), {}).ok());  // the lock goes with the store
}

// The checker finds a missing `in` twin and an index entry without its node.
TEST(StoreTest, CheckerCatchesCorruptedEntries) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto txn = *store->BeginWrite();
  NodeId a = *txn->CreateNode({"Organisation"}, Org("A"));
  NodeId c = *txn->CreateNode({"Consortium"}, Con("C"));
  EdgeKey e = *txn->CreateEdge(a, "MEMBER_OF", c, {{"role", Value::String("member")}});
  ASSERT_TRUE(txn->Commit().ok());
  ASSERT_TRUE(CheckStore(*store->BeginRead())->ok());

  ASSERT_TRUE(store->db()->Delete(rocksdb::WriteOptions(), store->cf(Cf::kIn), e.InKey()).ok());
  auto report = CheckStore(*store->BeginRead());
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->ok());
  EXPECT_NE(report->problems.front().find("`in` column family has no matching entry"),
            std::string::npos)
      << report->problems.front();

  ASSERT_TRUE(store->db()->Put(rocksdb::WriteOptions(), store->cf(Cf::kIn), e.InKey(), "").ok());
  ASSERT_TRUE(store->db()->Put(rocksdb::WriteOptions(), store->cf(Cf::kLabelIdx),
                               LabelIndexKey(0, 999), "").ok());
  report = CheckStore(*store->BeginRead());
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_NE(report->problems.front().find("missing node 999"), std::string::npos);
}

}  // namespace
}  // namespace alliance::storage

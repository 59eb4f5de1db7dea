#include "storage/csv_importer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "storage/checker.h"
#include "storage/record_codec.h"
#include "storage/transaction.h"
#include "tests/temp_dir.h"

namespace alliance::storage {
namespace {

using alliance::testing::TempDir;

class CsvImporterTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_.Sub(name);
    std::ofstream(path) << text;
    return path;
  }
  std::unique_ptr<Store> Open(schema::SchemaMode mode = schema::SchemaMode::kEnforced) {
    StoreOptions o;
    o.mode_on_create = mode;
    auto s = Store::Open(dir_.Sub("db"), o);
    EXPECT_TRUE(s.ok()) << s.status();
    return *std::move(s);
  }
  static uint64_t CountNodes(Store& store) {
    uint64_t n = 0;
    (void)store.BeginRead()->ScanNodes([&](NodeId, std::string_view) { return ++n > 0; });
    return n;
  }
  static absl::StatusOr<ImportStats> Import(Store& store, std::vector<std::string> paths,
                                            ImportOptions options = {}) {
    std::vector<ImportSource> sources;
    for (auto& p : paths) sources.push_back(ImportSource{p});
    return ImportCsv(store, sources, options);
  }

  TempDir dir_;
};

const char kOrgs[] =
    "id:ID,:LABEL,name,kind,aliases:string[]\n"
    "o1,Organisation,KAIST,university,카이스트;Korea Advanced Institute\n"
    "o2,Organisation,\"Korea University\",university,\n"
    "o3,Organisation,SK Telecom,company,SKT\n";
const char kCons[] =
    "id:ID,:LABEL,name,kind\n"
    "c1,Consortium,NC AI Consortium,programme\n"
    "c2,Consortium,SK Telecom Consortium,programme\n";
const char kMembers[] =
    ":START_ID,:END_ID,:TYPE,role,since:int\n"
    "o1,c1,MEMBER_OF,member,2025\n"
    "o1,c2,MEMBER_OF,member,2025\n"
    "o3,c2,MEMBER_OF,lead,2025\n"
    "o2,c1,MEMBER_OF,member,\n";

// Relationship files may come before node files; the whole import lands in
// one step and passes the checker.
TEST_F(CsvImporterTest, ImportsNodesAndRelationships) {
  auto store = Open();
  auto stats = Import(*store, {Write("m.csv", kMembers), Write("o.csv", kOrgs),
                               Write("c.csv", kCons)});
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->nodes, 5u);
  EXPECT_EQ(stats->relationships, 4u);
  auto txn = store->BeginRead();
  const auto& c = txn->catalog();
  auto kaist = *txn->FindByKey(*c.FindLabel("Organisation"), *c.FindPropertyKey("name"),
                               Value::String("KAIST"));
  ASSERT_TRUE(kaist.has_value());
  EXPECT_EQ(*txn->FindByLookup(*c.FindLabel("Organisation"), *c.FindPropertyKey("aliases"),
                               Value::String("카이스트")),
            std::vector<NodeId>{*kaist});
  int memberships = 0;
  ASSERT_TRUE(txn->ForEachEdge(*kaist, Direction::kOut, c.FindEdgeType("MEMBER_OF"),
                               [&](const EdgeKey&, std::string_view) { return ++memberships; })
                  .ok());
  EXPECT_EQ(memberships, 2);
  auto report = CheckStore(*txn);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems.front();
  EXPECT_EQ(report->edges, 4u);
  // Writes through transactions continue the id sequence.
  auto w = *store->BeginWrite();
  EXPECT_GT(*w->CreateNode({"Organisation"},
                           {{"name", Value::String("New")}, {"kind", Value::String("company")}}),
            5u);
}

struct BadCase {
  const char* name;
  const char* file;
  const char* text;
  const char* expected;  // part of the message, after "FILE:"
};

// Each bad row is reported as file:line: reason and leaves the database empty.
TEST_F(CsvImporterTest, BadRowsAreReportedWithFileAndLine) {
  const BadCase cases[] = {
      {"unknown label", "n.csv", "id:ID,:LABEL,name,kind\nx,Person,Bob,a\n",
       "n.csv:2: schema violation: unknown label 'Person'"},
      {"missing required", "n.csv", "id:ID,:LABEL,name\nx,Organisation,Bob\n",
       "n.csv:2: schema violation: label Organisation requires property 'kind'"},
      {"empty required", "n.csv", "id:ID,:LABEL,name,kind\nx,Organisation,Bob,a\ny,Organisation,,b\n",
       "n.csv:3: schema violation: label Organisation requires property 'name'"},
      {"undeclared property", "n.csv", "id:ID,:LABEL,name,kind,colour\nx,Organisation,B,a,red\n",
       "n.csv:2: schema violation: label Organisation has no property 'colour'"},
      {"wrong type", "n.csv", "id:ID,:LABEL,name,kind,description:int\nx,Organisation,B,a,5\n",
       "n.csv:2: schema violation: label Organisation property 'description' is declared string"},
      {"duplicate key", "n.csv",
       "id:ID,:LABEL,name,kind\nx,Organisation,B,a\n\ny,Organisation,B,a\n",
       "n.csv:4: schema violation: duplicate key Organisation name 'B' (first at"},
      {"duplicate id", "n.csv", "id:ID,:LABEL,name,kind\nx,Organisation,B,a\nx,Organisation,C,a\n",
       "n.csv:3: duplicate node id 'x'"},
      {"bad int", "n.csv", "id:ID,:LABEL,name,kind\nx,Organisation,B,a\n", nullptr},
  };
  for (const BadCase& c : cases) {
    if (c.expected == nullptr) continue;
    TempDir db;
    auto store = *Store::Open(db.path(), {});
    auto stats = Import(*store, {Write(c.file, c.text)});
    ASSERT_FALSE(stats.ok()) << c.name;
    EXPECT_NE(stats.status().message().find(c.expected), std::string::npos)
        << c.name << ": " << stats.status();
    EXPECT_EQ(CountNodes(*store), 0u) << c.name;
  }
}

TEST_F(CsvImporterTest, BadRelationshipsAreReportedAndNothingLands) {
  auto store = Open();
  const std::string orgs = Write("o.csv", kOrgs), cons = Write("c.csv", kCons);
  struct {
    const char* text;
    const char* expected;
  } cases[] = {
      {":START_ID,:END_ID,:TYPE,role\no1,c1,MEMBER_OF,member\no9,c1,MEMBER_OF,member\n",
       "r.csv:3: start node id 'o9' is not defined by any node file"},
      {":START_ID,:END_ID,:TYPE,role\nc1,o1,MEMBER_OF,member\n",
       "r.csv:2: schema violation: relationship type MEMBER_OF goes from Organisation to "
       "Consortium"},
      {":START_ID,:END_ID,:TYPE\no1,c1,MEMBER_OF\n",
       "r.csv:2: schema violation: relationship type MEMBER_OF requires property 'role'"},
      {":START_ID,:END_ID,:TYPE,role,since:int\no1,c1,MEMBER_OF,member,soon\n",
       "r.csv:2: column 'since' expects int"},
      {":START_ID,:END_ID,:TYPE\no1,o2,KNOWS\n",
       "r.csv:2: schema violation: unknown relationship type 'KNOWS'"},
      // Ids are looked up a batch of rows at a time; whatever stage finds an
      // error, the one reported is the first in the file, and within a row
      // the ids come before the endpoint labels and the properties.
      {":START_ID,:END_ID,:TYPE,role,since:int\no1,c1,MEMBER_OF,member,1\n"
       "o1,c7,MEMBER_OF,member,2\no1,c2,MEMBER_OF,member,soon\n",
       "r.csv:3: end node id 'c7' is not defined by any node file"},
      {":START_ID,:END_ID,:TYPE,role,since:int\no1,c1,MEMBER_OF,member,1\n"
       "o1,c9,MEMBER_OF,member,soon\n",
       "r.csv:3: end node id 'c9' is not defined by any node file"},
      {":START_ID,:END_ID,:TYPE,role\no2,c1,MEMBER_OF,member\nc1,o1,MEMBER_OF,member\n"
       "o1,c1,KNOWS,member\n",
       "r.csv:3: schema violation: relationship type MEMBER_OF goes from Organisation"},
      {":START_ID,:END_ID,:TYPE,role\no2,c1,MEMBER_OF,member\no3,c1,MEMBER_OF,member\n"
       "o1,c1,KNOWS,member\no1,c4,MEMBER_OF,member\n",
       "r.csv:4: schema violation: unknown relationship type 'KNOWS'"},
      {":START_ID,:END_ID,:TYPE,role\no2,c1,MEMBER_OF,member\no1,,MEMBER_OF,member\n"
       "o1,c1,MEMBER_OF,\"unterminated\n",
       "r.csv:3: column :END_ID is empty"},
  };
  for (const auto& c : cases) {
    auto stats = Import(*store, {orgs, cons, Write("r.csv", c.text)});
    ASSERT_FALSE(stats.ok()) << c.expected;
    EXPECT_NE(stats.status().message().find(c.expected), std::string::npos) << stats.status();
    EXPECT_EQ(CountNodes(*store), 0u);
  }
}

// Importing into a non-empty database checks keys against stored nodes.
TEST_F(CsvImporterTest, SecondImportRespectsExistingKeys) {
  auto store = Open();
  ASSERT_TRUE(Import(*store, {Write("o.csv", kOrgs)}).ok());
  auto again = Import(*store, {Write("o2.csv", "id:ID,:LABEL,name,kind\nz,Organisation,KAIST,x\n")});
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("already in the database"), std::string::npos)
      << again.status();
  ASSERT_TRUE(
      Import(*store, {Write("o3.csv", "id:ID,:LABEL,name,kind\nz,Organisation,POSTECH,x\n")}).ok());
  EXPECT_EQ(CountNodes(*store), 4u);
  EXPECT_TRUE(CheckStore(*store->BeginRead())->ok());
}

// With a tiny memory budget the importer spills many sorted runs; the result
// is the same graph.
// Runs spill to disk at the budget; relationships sharing a record keep the
// right one across the end of a run.
TEST_F(CsvImporterTest, SpillsSortedRunsBeyondTheBudget) {
  std::string nodes = "id:ID,:LABEL,name,kind\n", edges = ":START_ID,:END_ID,:TYPE,role\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i) nodes += "o" + std::to_string(i) + ",Organisation,org " + std::to_string(i) + ",company\n";
  for (int i = 0; i < 50; ++i) nodes += "c" + std::to_string(i) + ",Consortium,con " + std::to_string(i) + ",programme\n";
  std::map<std::string, std::string> role_of;  // organisation name -> its one role
  for (int i = 0; i < n; ++i) {
    const int org = (i * 7919) % n;
    const std::string role = "role " + std::to_string(i % 7);
    role_of["org " + std::to_string(org)] = role;
    edges += "o" + std::to_string(org) + ",c" + std::to_string(i % 50) + ",MEMBER_OF," + role + "\n";
  }
  auto store = Open();
  ImportOptions options;
  options.memory_budget_bytes = 1;  // every writer flushes at its 1 MiB floor
  auto stats = Import(*store, {Write("n.csv", nodes), Write("e.csv", edges)}, options);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_GT(stats->sst_files, 7u);
  auto report = CheckStore(*store->BeginRead());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->nodes, n + 50u);
  EXPECT_EQ(report->edges, static_cast<uint64_t>(n));
  auto txn = store->BeginRead();
  const uint32_t name = *txn->catalog().FindPropertyKey("name");
  const uint32_t role = *txn->catalog().FindPropertyKey("role");
  int checked = 0;
  ASSERT_TRUE(txn->ScanEdges([&](const EdgeKey& e, std::string_view value) {
                  auto org = txn->GetNodeProperty(e.src, name);
                  auto got = ReadEdgeProperty(value, role);
                  EXPECT_TRUE(org.ok() && got.ok());
                  EXPECT_EQ(got->as_string(), role_of[org->as_string()]) << org->as_string();
                  ++checked;
                  return true;
                }).ok());
  EXPECT_EQ(checked, n);
}

// A relationship file of a few MiB, importable in parts.
struct BigMembership {
  std::string nodes = "id:ID,:LABEL,name,kind\n";
  std::string edges = ":START_ID,:END_ID,:TYPE,role,since:int\n";
  int rows = 0;
  explicit BigMembership(int orgs) {
    for (int i = 0; i < orgs; ++i) {
      nodes += "o" + std::to_string(i) + ",Organisation,org " + std::to_string(i) + ",company\n";
    }
    for (int i = 0; i < 100; ++i) {
      nodes += "c" + std::to_string(i) + ",Consortium,con " + std::to_string(i) + ",programme\n";
    }
    for (int i = 0; i < orgs; ++i) {
      for (int k = 0; k < 3; ++k, ++rows) {
        edges += "o" + std::to_string(i) + ",c" + std::to_string((i + 37 * k) % 100) +
                 ",MEMBER_OF,member," + std::to_string(2000 + k) + "\n";
      }
    }
  }
};

// Two threads import the parts of one file: the same relationships land as
// with one thread, with unique ids, and the checker finds nothing wrong.
TEST_F(CsvImporterTest, ParallelPartsImportTheSameGraph) {
  BigMembership data(60000);
  const std::string nodes = Write("n.csv", data.nodes), edges = Write("e.csv", data.edges);
  std::vector<std::set<std::tuple<NodeId, NodeId, int64_t>>> seen;
  for (int threads : {1, 2}) {
    TempDir dir;
    StoreOptions o;
    auto store = Store::Open(dir.Sub("db"), o);
    ASSERT_TRUE(store.ok()) << store.status();
    ImportOptions options;
    options.threads = threads;
    auto stats = Import(**store, {nodes, edges}, options);
    ASSERT_TRUE(stats.ok()) << stats.status();
    EXPECT_EQ(stats->relationships, static_cast<uint64_t>(data.rows));
    auto txn = (*store)->BeginRead();
    auto report = CheckStore(*txn);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok());
    const uint32_t since = *txn->catalog().FindPropertyKey("since");
    std::set<std::tuple<NodeId, NodeId, int64_t>> edges_seen;
    std::set<EdgeId> ids;
    for (NodeId n = 1; n <= 60000; ++n) {
      ASSERT_TRUE(txn->ForEachEdge(n, Direction::kOut, std::nullopt,
                                   [&](const EdgeKey& e, std::string_view value) {
                                     auto year = ReadEdgeProperty(value, since);
                                     edges_seen.emplace(e.src, e.dst, year->as_int());
                                     ids.insert(e.id);
                                     return true;
                                   })
                      .ok());
    }
    EXPECT_EQ(ids.size(), static_cast<size_t>(data.rows));
    seen.push_back(std::move(edges_seen));
    // New relationships after the import take fresh ids.
    auto write = (*store)->BeginWrite();
    ASSERT_TRUE(write.ok());
    auto added = (*write)->CreateEdge(1, "MEMBER_OF", 60001, {});
    ASSERT_TRUE(added.ok()) << added.status();
    EXPECT_FALSE(ids.contains(added->id));
  }
  EXPECT_EQ(seen[0], seen[1]);
  EXPECT_EQ(seen[0].size(), static_cast<size_t>(data.rows));
}

// A bad row in the second half of a file split across threads is reported
// with its true line number, and nothing lands.
TEST_F(CsvImporterTest, ParallelPartsReportTrueLineNumbers) {
  BigMembership data(60000);
  data.edges += "o5,c5,MEMBER_OF,member,notayear\n";  // line rows + 2
  data.edges += "o6,nowhere,MEMBER_OF,member,2020\n";
  auto store = Open();
  ImportOptions options;
  options.threads = 2;
  auto stats = Import(*store, {Write("n.csv", data.nodes), Write("e.csv", data.edges)}, options);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find("e.csv:" + std::to_string(data.rows + 2) + ":"),
            std::string::npos)
      << stats.status();
  EXPECT_EQ(CountNodes(*store), 0u);
}

// A node file split across threads: an id or unique key of the second part
// that the first part already used is reported at its true line, naming the
// first use, and an earlier error of either kind wins; nothing lands.
TEST_F(CsvImporterTest, ParallelNodePartsFindDuplicatesAcrossParts) {
  BigMembership data(60000);
  const int last_line = 60000 + 100 + 1;  // header, organisations, consortia
  struct Case {
    std::string extra;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"o7,Organisation,fresh name,company\n",
       ":" + std::to_string(last_line + 1) + ": duplicate node id 'o7' (first used at "},
      {"o70000,Organisation,org 12,company\n",
       ":" + std::to_string(last_line + 1) +
           ": schema violation: duplicate key Organisation name 'org 12' (first at "},
      // The duplicate id comes a line before the duplicate name.
      {"o70000,Organisation,other,company\no8,Organisation,org 9,company\n"
       "o70001,Organisation,org 10,company\n",
       ":" + std::to_string(last_line + 2) + ": duplicate node id 'o8'"},
      // A duplicate before a bad row wins, though the part read on past it.
      {"o3,Organisation,other,company\no70000,Organisation,,company\n",
       ":" + std::to_string(last_line + 1) + ": duplicate node id 'o3'"},
      // A bad row before the duplicate wins.
      {"o70000,Organisation,,company\no9,Organisation,org 9,company\n",
       ":" + std::to_string(last_line + 1) + ": schema violation: label Organisation requires"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    auto store = Store::Open(dir.Sub("db"), StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    const std::string nodes = dir.Sub("n.csv");
    std::ofstream(nodes) << data.nodes << c.extra;
    ImportOptions options;
    options.threads = 2;
    auto stats = Import(**store, {nodes}, options);
    ASSERT_FALSE(stats.ok()) << c.extra;
    EXPECT_NE(stats.status().message().find("n.csv" + c.expected), std::string::npos)
        << stats.status();
    EXPECT_EQ(CountNodes(**store), 0u);
  }
  // The first use is named by file and line.
  TempDir dir;
  auto store = Store::Open(dir.Sub("db"), StoreOptions{});
  const std::string nodes = dir.Sub("n.csv");
  std::ofstream(nodes) << data.nodes << "o7,Organisation,fresh name,company\n";
  ImportOptions options;
  options.threads = 2;
  auto stats = Import(**store, {nodes}, options);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find("(first used at " + nodes + ":9)"), std::string::npos)
      << stats.status();
}

TEST_F(CsvImporterTest, DryRunValidatesWithoutWriting) {
  auto store = Open();
  ImportOptions options;
  options.dry_run = true;
  auto stats = Import(*store, {Write("o.csv", kOrgs), Write("c.csv", kCons),
                               Write("m.csv", kMembers)}, options);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->relationships, 4u);
  EXPECT_EQ(CountNodes(*store), 0u);
}

// Free mode takes any labels and types; ID groups keep id spaces apart; a
// default label or type fills in for missing :LABEL / :TYPE columns.
TEST_F(CsvImporterTest, FreeModeWithIdGroupsAndDefaults) {
  auto store = Open(schema::SchemaMode::kFree);
  std::vector<ImportSource> sources = {
      {Write("p.csv", "id:ID(Person),name\n1,Ann\n2,Bob\n"), ImportSource::Kind::kNodes, "Person"},
      {Write("g.csv", "id:ID(Game),title\n1,Go\n"), ImportSource::Kind::kNodes, "Game"},
      {Write("k.csv", ":START_ID(Person),:END_ID(Person)\n1,2\n"),
       ImportSource::Kind::kRelationships, "KNOWS"},
      {Write("pl.csv", ":START_ID(Person),:END_ID(Game),hours:double\n2,1,3.5\n"),
       ImportSource::Kind::kRelationships, "PLAYS"},
  };
  auto stats = ImportCsv(*store, sources, {});
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->nodes, 3u);
  EXPECT_EQ(stats->relationships, 2u);
  auto txn = store->BeginRead();
  EXPECT_TRUE(txn->catalog().FindEdgeType("PLAYS").has_value());
  EXPECT_TRUE(CheckStore(*txn)->ok());
}

}  // namespace
}  // namespace alliance::storage

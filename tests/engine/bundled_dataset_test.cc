// The bundled dataset, imported through the public API, holds exactly the
// facts of ../shared/seed/FACTS.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "alliance/database.h"
#include "alliance/default_database.h"
#include "tests/temp_dir.h"

namespace alliance {
namespace {

class BundledDatasetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    setenv("ALLIANCEDB_DATA_DIR", ALLIANCE_TEST_DATA_DIR, 1);
    auto db = OpenOrCreateBundled(dir_->Sub("default"), /*read_only=*/false);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = db->release();
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static Node ByName(const Transaction& txn, const std::string& label, const std::string& name) {
    auto node = txn.FindNodeByKey(label, Value::String(name));
    EXPECT_TRUE(node.ok() && node->has_value()) << label << " " << name;
    return node.ok() && node->has_value() ? **node : Node{};
  }
  // Relationships by value: a range-for over `*StatusOr` temporary would dangle.
  static std::vector<Relationship> Rels(const Transaction& txn, NodeId id, Direction d,
                                        const std::vector<std::string>& types = {}) {
    auto rels = txn.Relationships(id, d, types);
    EXPECT_TRUE(rels.ok()) << rels.status();
    return rels.ok() ? *std::move(rels) : std::vector<Relationship>{};
  }
  static std::set<std::string> ConsortiaOf(const Transaction& txn, NodeId org) {
    std::set<std::string> names;
    for (const Relationship& r : Rels(txn, org, Direction::kOutgoing, {"MEMBER_OF"})) {
      names.insert((*txn.GetNode(r.end))->Property("name").as_string());
    }
    return names;
  }

  static testing::TempDir* dir_;
  static Database* db_;
};
testing::TempDir* BundledDatasetTest::dir_ = nullptr;
Database* BundledDatasetTest::db_ = nullptr;

TEST_F(BundledDatasetTest, CountsPerLabel) {
  auto txn = db_->BeginRead();
  const std::map<std::string, uint64_t> expected = {
      {"Organisation", 41}, {"Consortium", 6}, {"Programme", 1}, {"Model", 10}, {"Hardware", 3}};
  for (const auto& [label, count] : expected) EXPECT_EQ(*txn->CountLabel(label), count) << label;
}

TEST_F(BundledDatasetTest, CountsPerRelationshipType) {
  auto txn = db_->BeginRead();
  std::map<std::string, int> counts;
  for (const char* label : {"Organisation", "Consortium", "Programme", "Model", "Hardware"}) {
    ASSERT_TRUE(txn->ScanLabel(label, [&](const Node& n) {
                     for (const auto& r : Rels(*txn, n.id, Direction::kOutgoing)) {
                       ++counts[r.type];
                     }
                     return true;
                   }).ok());
  }
  const std::map<std::string, int> expected = {
      {"MEMBER_OF", 41}, {"PART_OF", 6},  {"SELECTED_FOR", 5}, {"RUNS", 1},
      {"DEVELOPS", 10},  {"BUILDS", 7},   {"PROVIDES", 1},     {"OPERATES", 1},
      {"MAKES", 1},      {"USES", 1}};
  EXPECT_EQ(counts, expected);
}

TEST_F(BundledDatasetTest, KaistIsMemberOfExactlyThreeConsortia) {
  auto txn = db_->BeginRead();
  EXPECT_EQ(ConsortiaOf(*txn, ByName(*txn, "Organisation", "KAIST").id),
            (std::set<std::string>{"NC AI Consortium", "Naver Cloud Consortium",
                                   "SK Telecom Consortium"}));
  EXPECT_EQ(ConsortiaOf(*txn, ByName(*txn, "Organisation", "SK Telecom").id),
            (std::set<std::string>{"K-AI Alliance", "SK Telecom Consortium"}));
}

TEST_F(BundledDatasetTest, EveryConsortiumHasOneLeadAndProgrammeMembership) {
  auto txn = db_->BeginRead();
  int selected = 0;
  ASSERT_TRUE(txn->ScanLabel("Consortium", [&](const Node& c) {
                   int leads = 0;
                   for (const auto& r : Rels(*txn, c.id, Direction::kIncoming, {"MEMBER_OF"})) {
                     EXPECT_EQ(r.Property("since"), Value::Int(2025));
                     leads += r.Property("role") == Value::String("lead");
                   }
                   EXPECT_EQ(leads, 1) << c.Property("name").ToString();
                   selected += !txn->Relationships(c.id, Direction::kOutgoing, {"SELECTED_FOR"})->empty();
                   return true;
                 }).ok());
  EXPECT_EQ(selected, 5);
  EXPECT_EQ(ByName(*txn, "Consortium", "SK Telecom Consortium").Property("first_evaluation"),
            Value::String("passed"));
}

// Nodes are found by their Korean name and by aliases too.
TEST_F(BundledDatasetTest, FindsByKoreanNameAndAlias) {
  auto txn = db_->BeginRead();
  auto ko = txn->FindNodesByName("Organisation", "고려대학교");
  ASSERT_TRUE(ko.ok());
  ASSERT_EQ(ko->size(), 1u);
  EXPECT_EQ(ko->front().Property("name"), Value::String("Korea University"));
  auto alias = txn->FindNodesByName("Consortium", "그랜드 컨소시엄");
  ASSERT_TRUE(alias.ok());
  ASSERT_EQ(alias->size(), 1u);
  EXPECT_EQ(alias->front().Property("name"), Value::String("NC AI Consortium"));
  EXPECT_TRUE(txn->FindNodesByName("Organisation", "nobody")->empty());
  EXPECT_FALSE(txn->FindNodesByName("Person", "x").ok());
}

TEST_F(BundledDatasetTest, EveryNodeAndRelationshipHasASource) {
  auto txn = db_->BeginRead();
  for (const char* label : {"Organisation", "Consortium", "Programme", "Model", "Hardware"}) {
    ASSERT_TRUE(txn->ScanLabel(label, [&](const Node& n) {
                     EXPECT_FALSE(n.Property("source").is_null()) << n.Property("name").ToString();
                     EXPECT_FALSE(n.Property("name_ko").is_null()) << n.Property("name").ToString();
                     for (const auto& r : Rels(*txn, n.id, Direction::kOutgoing)) {
                       EXPECT_FALSE(r.Property("source").is_null()) << r.type;
                     }
                     return true;
                   }).ok());
  }
  auto check = db_->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

// The default database is built once and reopened afterwards, without rebuilding.
TEST_F(BundledDatasetTest, DefaultDatabaseIsBuiltOnceInPlace) {
  testing::TempDir dir;
  const std::string path = dir.Sub("nested/alliancedb/default");
  uint64_t first_seq;
  {
    auto db = OpenOrCreateBundled(path, /*read_only=*/true);
    ASSERT_TRUE(db.ok()) << db.status();
    first_seq = (*db)->SequenceNumber();
  }
  EXPECT_FALSE(std::filesystem::exists(path + ".building-" + std::to_string(getpid())));
  auto again = OpenOrCreateBundled(path, /*read_only=*/false);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ((*again)->SequenceNumber(), first_seq);
  EXPECT_EQ(*(*again)->BeginRead()->CountLabel("Organisation"), 41u);
}

}  // namespace
}  // namespace alliance

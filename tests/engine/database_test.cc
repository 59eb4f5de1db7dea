// The embedding API: transactions, schema extension, import and check, all
// through the public headers.
#include "alliance/database.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/temp_dir.h"

namespace alliance {
namespace {

PropertyMap Org(const std::string& name) {
  return {{"name", Value::String(name)}, {"kind", Value::String("university")}};
}

TEST(DatabaseTest, CreateReadUpdateDelete) {
  testing::TempDir dir;
  auto db = *Database::Open(dir.path());
  auto txn = *db->BeginWrite();
  NodeId kaist = *txn->CreateNode({"Organisation"}, Org("KAIST"));
  NodeId con = *txn->CreateNode({"Consortium"}, {{"name", Value::String("C")},
                                                 {"kind", Value::String("programme")}});
  Relationship r = *txn->CreateRelationship(kaist, "MEMBER_OF", con, {{"role", Value::String("member")}});
  EXPECT_EQ(r.Property("role"), Value::String("member"));
  ASSERT_TRUE(txn->SetRelationshipProperties(r, {{"since", Value::Int(2025)}}).ok());
  ASSERT_TRUE(txn->SetNodeProperties(kaist, {{"name_ko", Value::String("카이스트")}}).ok());
  ASSERT_TRUE(txn->Commit().ok());

  auto read = db->BeginRead();
  Node n = **read->GetNode(kaist);
  EXPECT_TRUE(n.HasLabel("Organisation"));
  EXPECT_EQ(n.Property("name_ko"), Value::String("카이스트"));
  EXPECT_EQ(*read->GetNodeProperty(kaist, "kind"), Value::String("university"));
  EXPECT_TRUE(read->GetNodeProperty(kaist, "no_such_property")->is_null());
  auto rels = *read->Relationships(con, Direction::kIncoming, {"MEMBER_OF"});
  ASSERT_EQ(rels.size(), 1u);
  EXPECT_EQ(rels[0].Property("since"), Value::Int(2025));
  EXPECT_EQ(rels[0].Other(con), kaist);
  EXPECT_TRUE(read->Relationships(con, Direction::kOutgoing)->empty());
  EXPECT_FALSE(read->CreateNode({"Organisation"}, Org("X")).ok());  // read transaction

  auto w = *db->BeginWrite();
  ASSERT_TRUE(w->RemoveNodeProperty(kaist, "name_ko").ok());
  EXPECT_EQ(w->DeleteNode(kaist).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(w->DeleteRelationship(rels[0]).ok());
  ASSERT_TRUE(w->DeleteNode(kaist).ok());
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_FALSE(db->BeginRead()->GetNode(kaist)->has_value());
  EXPECT_TRUE(db->Check()->ok());
}

// Two databases in one process are independent; a second writer on the same
// directory is refused, a reader is not.
TEST(DatabaseTest, TwoDatabasesInOneProcess) {
  testing::TempDir dir;
  auto a = *Database::Open(dir.Sub("a"));
  auto b = *Database::Open(dir.Sub("b"), Options{.schema_mode = SchemaMode::kFree});
  auto ta = *a->BeginWrite();
  auto tb = *b->BeginWrite();  // writers of different databases do not wait for each other
  ASSERT_TRUE(ta->CreateNode({"Organisation"}, Org("KAIST")).ok());
  ASSERT_TRUE(tb->CreateNode({"Anything"}, {}).ok());
  ASSERT_TRUE(ta->Commit().ok());
  ASSERT_TRUE(tb->Commit().ok());
  EXPECT_EQ(*a->BeginRead()->CountLabel("Organisation"), 1u);
  EXPECT_EQ(*b->BeginRead()->CountLabel("Organisation"), 0u);
  EXPECT_EQ(a->Schema().mode, SchemaMode::kEnforced);
  EXPECT_EQ(b->Schema().mode, SchemaMode::kFree);
  auto locked = Database::Open(dir.Sub("a"));
  EXPECT_NE(locked.status().message().find("database is locked"), std::string::npos);
  auto reader = Database::OpenReadOnly(dir.Sub("a"));
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(*(*reader)->BeginRead()->CountLabel("Organisation"), 1u);
  EXPECT_FALSE((*reader)->BeginWrite().ok());
}

// The schema lives in the database: extensions persist and are enforced.
TEST(DatabaseTest, SchemaExtensionPersists) {
  testing::TempDir dir;
  {
    auto db = *Database::Open(dir.path());
    ASSERT_TRUE(db->AddProperty("Organisation", {"pagerank", "double"}).ok());
    ASSERT_TRUE(db->AddLabel({"Fund", "name", {{"name", "string"}, {"size_krw", "int"}}, {}}).ok());
    ASSERT_TRUE(db->AddRelationshipType({"FUNDS", "Fund", "Consortium", {{"amount", "int"}}}).ok());
    EXPECT_FALSE(db->AddProperty("Nowhere", {"x", "int"}).ok());
    EXPECT_FALSE(db->AddProperty("Organisation", {"y", "date"}).ok());
  }
  auto db = *Database::Open(dir.path());
  SchemaDescription s = db->Schema();
  auto fund = std::find_if(s.labels.begin(), s.labels.end(), [](auto& l) { return l.name == "Fund"; });
  ASSERT_NE(fund, s.labels.end());
  EXPECT_TRUE(fund->properties[0].required);  // a key is always required
  auto txn = *db->BeginWrite();
  NodeId f = *txn->CreateNode({"Fund"}, {{"name", Value::String("F")}});
  NodeId c = *txn->CreateNode({"Consortium"}, {{"name", Value::String("C")},
                                               {"kind", Value::String("alliance")}});
  EXPECT_TRUE(txn->CreateRelationship(f, "FUNDS", c, {{"amount", Value::Int(5)}}).ok());
  EXPECT_FALSE(txn->CreateRelationship(c, "FUNDS", f).ok());
  NodeId o = *txn->CreateNode({"Organisation"}, Org("KAIST"));
  EXPECT_TRUE(txn->SetNodeProperties(o, {{"pagerank", Value::Double(0.25)}}).ok());
  EXPECT_FALSE(txn->SetNodeProperties(o, {{"pagerank", Value::String("high")}}).ok());
  ASSERT_TRUE(txn->Commit().ok());
}

TEST(DatabaseTest, ImportReportsFileAndLine) {
  testing::TempDir dir;
  auto db = *Database::Open(dir.Sub("db"));
  const std::string path = dir.Sub("o.csv");
  std::ofstream(path) << "id:ID,:LABEL,name,kind\na,Organisation,A,x\nb,Organisation,B,y,extra\n";
  ImportFile file;
  file.path = path;
  auto result = db->Import({file});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(path + ":3:"), std::string::npos) << result.status();
  EXPECT_EQ(*db->BeginRead()->CountLabel("Organisation"), 0u);
}

}  // namespace
}  // namespace alliance

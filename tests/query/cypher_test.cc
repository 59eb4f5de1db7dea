// Cypher through the public API on the bundled dataset: the questions of
// ../shared/seed/FACTS.md, plan choices visible in EXPLAIN, writes and their
// atomicity, and errors that point at the problem.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "alliance/database.h"
#include "alliance/default_database.h"
#include "alliance/query_error.h"
#include "tests/temp_dir.h"

namespace alliance {
namespace {

class CypherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    setenv("ALLIANCEDB_DATA_DIR", ALLIANCE_TEST_DATA_DIR, 1);
    auto db = OpenOrCreateBundled(dir_->Sub("db"), false);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = db->release();
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static QueryResult Run(const std::string& q, const PropertyMap& params = {}) {
    auto r = db_->Execute(q, params);
    EXPECT_TRUE(r.ok()) << q << "\n" << r.status();
    return r.ok() ? *std::move(r) : QueryResult{};
  }
  // Rows as "a|b|c" strings, strings unquoted.
  static std::vector<std::string> Rows(const QueryResult& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
      std::string s;
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) s += "|";
        s += row[i].type() == Value::Type::kString ? row[i].as_string() : row[i].ToString();
      }
      out.push_back(s);
    }
    return out;
  }

  static testing::TempDir* dir_;
  static Database* db_;
};
testing::TempDir* CypherTest::dir_ = nullptr;
Database* CypherTest::db_ = nullptr;

// FACTS.md: organisations in two or more consortia, counting every consortium.
TEST_F(CypherTest, OrganisationsInTwoOrMoreConsortia) {
  QueryResult r = Run(
      "MATCH (o:Organisation)-[:MEMBER_OF]->(c:Consortium) WITH o, count(DISTINCT c) AS n "
      "WHERE n > 1 RETURN o.name, n ORDER BY n DESC, o.name");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"o.name", "n"}));
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"KAIST|3", "Korea University|2",
                                               "SK Telecom|2", "Seoul National University|2"}));
  // Programme consortia only.
  r = Run(
      "MATCH (o:Organisation)-[:MEMBER_OF]->(c:Consortium {kind: 'programme'}) "
      "WITH o, count(c) AS n WHERE n >= 2 RETURN o.name ORDER BY o.name");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"KAIST", "Korea University",
                                               "Seoul National University"}));
}

// Affiliates rolled up to their top parent through PART_OF*0..
TEST_F(CypherTest, AffiliatesRolledUpThroughPartOf) {
  QueryResult r;
  r = Run(
      "MATCH (o:Organisation)-[:PART_OF*0..]->(top:Organisation) "
      "OPTIONAL MATCH (top)-[up:PART_OF]->() WITH o, top, up WHERE up IS NULL "
      "MATCH (o)-[:MEMBER_OF]->(c:Consortium) "
      "WITH top, count(DISTINCT c) AS n WHERE top.name IN ['Korea University', 'LG'] "
      "RETURN top.name, n ORDER BY top.name");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"Korea University|3", "LG|1"}));
  // The same with a pattern predicate.
  r = Run(
      "MATCH (o:Organisation)-[:PART_OF*0..]->(top:Organisation) "
      "WHERE NOT (top)-[:PART_OF]->() "
      "MATCH (o)-[:MEMBER_OF]->(c:Consortium) "
      "WITH top, count(DISTINCT c) AS n WHERE top.name IN ['Korea University', 'LG'] "
      "RETURN top.name, n ORDER BY top.name");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"Korea University|3", "LG|1"}));
}

TEST_F(CypherTest, ConsortiumPairsSharingMembers) {
  QueryResult r = Run(
      "MATCH (a:Consortium)<-[:MEMBER_OF]-(o:Organisation)-[:MEMBER_OF]->(b:Consortium) "
      "WHERE a.name < b.name "
      "WITH a, b, collect(o.name) AS shared "
      "RETURN a.name, b.name, size(shared) AS n ORDER BY n DESC, a.name, b.name");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{
                         "NC AI Consortium|Naver Cloud Consortium|2",
                         "Naver Cloud Consortium|SK Telecom Consortium|2",
                         "K-AI Alliance|SK Telecom Consortium|1",
                         "NC AI Consortium|SK Telecom Consortium|1"}));
}

TEST_F(CypherTest, ModelsEachConsortiumBuilds) {
  QueryResult r = Run(
      "MATCH (c:Consortium)-[:BUILDS]->(m:Model) "
      "RETURN c.name AS consortium, collect(m.name) AS models ORDER BY consortium");
  ASSERT_EQ(r.rows.size(), 5u);
  EXPECT_EQ(r.rows[0][0], Value::String("KT Consortium"));
  std::map<std::string, std::set<std::string>> builds;
  for (const auto& row : r.rows) {
    for (const Value& m : row[1].as_list()) builds[row[0].as_string()].insert(m.as_string());
  }
  EXPECT_EQ(builds["SK Telecom Consortium"], (std::set<std::string>{"A.X 3.1 Lite", "A.X 34B"}));
  EXPECT_EQ(builds["Naver Cloud Consortium"], (std::set<std::string>{"Marengo", "Pegasus"}));
}

// Key lookups use the unique index, visible in EXPLAIN; other lookups scan the label.
TEST_F(CypherTest, ExplainShowsIndexSeekForKeyLookups) {
  QueryResult r = Run("EXPLAIN MATCH (o:Organisation {name: 'KAIST'})-[:MEMBER_OF]->(c) RETURN c.name");
  EXPECT_NE(r.plan.find("NodeIndexSeek"), std::string::npos) << r.plan;
  EXPECT_TRUE(r.rows.empty());
  r = Run("EXPLAIN MATCH (o:Organisation) WHERE o.name = $n RETURN o", {{"n", Value::String("KT")}});
  EXPECT_NE(r.plan.find("NodeIndexSeek"), std::string::npos) << r.plan;
  r = Run("EXPLAIN MATCH (o:Organisation) WHERE o.kind = 'university' RETURN o");
  EXPECT_NE(r.plan.find("NodeByLabelScan"), std::string::npos) << r.plan;
  r = Run("PROFILE MATCH (o:Organisation {name: 'KAIST'})-[:MEMBER_OF]->(c) RETURN c.name");
  EXPECT_EQ(r.rows.size(), 3u);
  EXPECT_NE(r.plan.find("rows="), std::string::npos) << r.plan;
}

TEST_F(CypherTest, UnknownKeySuggestsNearestNames) {
  QueryResult r = Run("MATCH (o:Organisation {name: 'KAIS'}) RETURN o.name");
  EXPECT_TRUE(r.rows.empty());
  ASSERT_EQ(r.notifications.size(), 1u);
  EXPECT_NE(r.notifications[0].find("did you mean 'KAIST'"), std::string::npos)
      << r.notifications[0];
}

TEST_F(CypherTest, KoreanNamesAndParameters) {
  QueryResult r = Run("MATCH (o:Organisation) WHERE o.name_ko = $ko RETURN o.name",
                      {{"ko", Value::String("고려대학교")}});
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"Korea University"}));
  r = Run("MATCH (c:Consortium) WHERE '그랜드 컨소시엄' IN c.aliases RETURN c.name");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"NC AI Consortium"}));
}

TEST_F(CypherTest, ProceduresThroughCall) {
  QueryResult r = Run("CALL db.labels() YIELD label RETURN label ORDER BY label");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"Consortium", "Hardware", "Model", "Organisation",
                                               "Programme"}));
  r = Run("CALL db.relationshipTypes()");
  EXPECT_EQ(r.columns, std::vector<std::string>{"relationshipType"});
  EXPECT_EQ(r.rows.size(), 10u);
  r = Run("CALL db.schema() YIELD entity, name, property WHERE name = 'MEMBER_OF' RETURN property");
  EXPECT_EQ(Rows(r), (std::vector<std::string>{"->", "source", "role", "since"}));
}

// Errors: syntax with line:column and caret, unknown names with suggestions.
TEST_F(CypherTest, ErrorsPointAtTheProblem) {
  auto r = db_->Execute("MATCH (o:Organisation)\nRETURN o.name,, o.kind");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(GetQueryErrorInfo(r.status())->type, "SyntaxError");
  EXPECT_NE(r.status().message().find("line 2, column 15"), std::string::npos) << r.status();
  EXPECT_NE(r.status().message().find("^"), std::string::npos);
  r = db_->Execute("MATCH (o:Organisaton) RETURN o");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("did you mean 'Organisation'"), std::string::npos)
      << r.status();
  r = db_->Execute("MATCH (o:Organisation) RETURN x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(GetQueryErrorInfo(r.status())->detail, "UndefinedVariable");
}

// Each statement is one transaction that obeys the schema: a violation aborts
// the whole statement.
TEST_F(CypherTest, WritesAreAtomicAndObeyTheSchema) {
  testing::TempDir dir;
  auto db = *Database::Open(dir.path());
  auto ok = db->Execute(
      "CREATE (o:Organisation {name: 'A', kind: 'company'})-[:MEMBER_OF {role: 'lead'}]->"
      "(c:Consortium {name: 'C', kind: 'alliance'}) RETURN o.name");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->stats.nodes_created, 2);
  EXPECT_EQ(ok->stats.relationships_created, 1);
  auto bad = db->Execute(
      "UNWIND ['B', 'A'] AS name CREATE (:Organisation {name: name, kind: 'company'})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("duplicate key"), std::string::npos) << bad.status();
  auto count = db->Execute("MATCH (o:Organisation) RETURN count(o) AS n");
  EXPECT_EQ(count->rows[0][0], Value::Int(1));  // 'B' was rolled back with the statement
  auto merged = db->Execute(
      "MERGE (o:Organisation {name: 'A'}) ON MATCH SET o.description = 'seen' "
      "MERGE (n:Organisation {name: 'N'}) ON CREATE SET n.kind = 'university' "
      "RETURN o.description, n.kind");
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->rows[0][0], Value::String("seen"));
  EXPECT_EQ(merged->rows[0][1], Value::String("university"));
  auto del = db->Execute("MATCH (o:Organisation {name: 'A'}) DELETE o");
  ASSERT_FALSE(del.ok());
  EXPECT_EQ(GetQueryErrorInfo(del.status())->type, "ConstraintVerificationFailed");
  del = db->Execute("MATCH (o:Organisation {name: 'A'}) DETACH DELETE o RETURN count(*) AS n");
  ASSERT_TRUE(del.ok()) << del.status();
  EXPECT_EQ(del->stats.relationships_deleted, 1);
  EXPECT_TRUE(db->Check()->ok());
}

TEST_F(CypherTest, LimitsAndCancellation) {
  QueryOptions options;
  options.max_rows = 10;
  auto r = db_->Execute("MATCH (a), (b) RETURN a, b", {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  std::atomic<bool> cancel{true};
  QueryOptions cancelled;
  cancelled.cancel = &cancel;
  r = db_->Execute("MATCH (a), (b) RETURN count(*)", {}, cancelled);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kCancelled);
  QueryOptions capped;
  capped.max_var_length = 2;
  r = db_->Execute("MATCH (a:Organisation)-[*]-(b) RETURN count(*)", {}, capped);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace alliance

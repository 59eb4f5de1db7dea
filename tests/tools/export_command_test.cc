// alliancedb export and import --jsonl, run as a user runs them: every format
// on the bundled dataset, round trips through CSV and JSON Lines that give
// back the same graph (also for the awkward values of a free schema), the
// GraphML and GEXF files read back by NetworkX, and the errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tools/cli_runner.h"

namespace alliance {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::CliResult;

class ExportCommandTest : public ::testing::Test {
 protected:
  // Rows of `alliancedb query` as JSON objects. `db` is "" for the default
  // database, else "--db PATH".
  std::vector<Json> Query(const std::string& db, const std::string& cypher) {
    const std::string file = cli_.Write("statement.cypher", cypher);
    CliResult r = cli_.Run("query " + db + " --format jsonl -f '" + file + "'");
    EXPECT_EQ(r.exit_code, 0) << cypher << "\n" << r.err;
    std::vector<Json> rows;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) rows.push_back(Json::parse(line));
    }
    return rows;
  }

  int64_t Count(const std::string& db, const std::string& cypher) {
    std::vector<Json> rows = Query(db, cypher);
    return rows.size() == 1 ? rows[0]["n"].get<int64_t>() : -1;
  }

  // The graph as sorted lines that do not depend on node ids or on the order
  // labels are listed in: what a round trip has to give back.
  std::vector<std::string> Graph(const std::string& db) {
    std::vector<std::string> lines;
    for (Json row :
         Query(db, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties")) {
      std::sort(row["labels"].begin(), row["labels"].end());
      lines.push_back("node " + row.dump());
    }
    for (Json row : Query(db,
                          "MATCH (a)-[r]->(b) RETURN labels(a) AS al, properties(a) AS a, "
                          "type(r) AS type, properties(r) AS r, labels(b) AS bl, "
                          "properties(b) AS b")) {
      std::sort(row["al"].begin(), row["al"].end());
      std::sort(row["bl"].begin(), row["bl"].end());
      lines.push_back("relationship " + row.dump());
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  // "DIR/nodes/a.csv DIR/nodes/b.csv ... DIR/edges/..." for `import`.
  static std::string CsvFiles(const std::string& dir) {
    std::vector<std::string> files;
    for (const char* sub : {"nodes", "edges"}) {
      if (!fs::exists(dir + "/" + sub)) continue;
      for (const auto& e : fs::directory_iterator(dir + "/" + sub)) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string args;
    for (const std::string& f : files) args += " '" + f + "'";
    return args;
  }

  static std::string FirstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
  }

  static std::vector<Json> JsonLines(const std::string& text) {
    std::vector<Json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
    return lines;
  }

  // Leftovers of a failed export: its staging file or directory.
  std::vector<std::string> StagingLeftovers() const {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(cli_.Path(""))) {
      if (e.path().filename().string().find(".tmp-") != std::string::npos) {
        found.push_back(e.path());
      }
    }
    return found;
  }

  // A free-schema database with what CSV makes hard: quotes, commas and line
  // breaks in strings, padded and empty strings, empty list elements, the
  // 64-bit extremes, -0.0, a node with two labels, one without labels, a
  // property with an int on one node and a string on another of the same
  // label, a property name with a colon, parallel edges and a self-loop.
  std::string AwkwardDatabase() {
    const std::string db = cli_.Path("awkward");
    const std::string a = cli_.Write("a.csv",
                                     "id:ID,:LABEL,name,note,xs:string[],n:int,d:double,ok:boolean,"
                                     "a:b:string\n"
                                     "1,Thing,\"Comma, Inc.\",\"He said \"\"hi\"\"\nand left\","
                                     "\"x;;y\",9223372036854775807,0.1,true,colon\n"
                                     "2,Thing;Other,\" padded \",\"\",only,-9223372036854775808,-0,"
                                     "false,\n"
                                     "3,Other,세종,plain,\"a,b;c\",0,1e300,,\n");
    const std::string b = cli_.Write("b.csv", "id:ID,:LABEL,name,n\n4,Thing,clash,not a number\n");
    const std::string c = cli_.Write("c.csv", "id:ID,name\n5,nolabel\n");
    const std::string e = cli_.Write("e.csv",
                                     ":START_ID,:END_ID,:TYPE,w:double,tag\n"
                                     "1,2,LINKS,0.5,\"quoted, tag\"\n"
                                     "1,2,LINKS,0.25,\n"
                                     "2,2,SELF,,\n"
                                     "4,5,TO_UNLABELLED,,x\n");
    CliResult r =
        cli_.Run("import --db " + db + " --schema free " + a + " " + b + " " + c + " " + e);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
  }

  testing::CliRunner cli_;
};

TEST_F(ExportCommandTest, EveryFormatOnTheDefaultDatabase) {
  for (const auto& [format, name] :
       std::vector<std::pair<std::string, std::string>>{{"csv", "g-csv"},
                                                        {"jsonl", "g.jsonl"},
                                                        {"graphml", "g.graphml"},
                                                        {"gexf", "g.gexf"},
                                                        {"dot", "g.dot"}}) {
    CliResult r = cli_.Run("export --format " + format + " " + cli_.Path(name));
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_EQ(r.out.rfind("exported 61 nodes and 74 relationships to " + cli_.Path(name) + "\n", 0),
              0u)
        << r.out;
    EXPECT_EQ(r.err, "") << "progress is for terminals only";
  }

  // CSV: one file per label and type, typed headers in the bundled data's
  // column order (the key, then the declared properties).
  const std::string csv = cli_.Path("g-csv");
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(csv)) {
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), csv).string());
  }
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{
                       "edges/builds.csv", "edges/develops.csv", "edges/makes.csv",
                       "edges/member_of.csv", "edges/operates.csv", "edges/part_of.csv",
                       "edges/provides.csv", "edges/runs.csv", "edges/selected_for.csv",
                       "edges/uses.csv", "nodes/consortium.csv", "nodes/hardware.csv",
                       "nodes/model.csv", "nodes/organisation.csv", "nodes/programme.csv"}));
  EXPECT_EQ(FirstLine(csv + "/nodes/organisation.csv"),
            ":ID,:LABEL,name,name_ko,aliases:string[],kind,source,description");
  const std::string member_of = FirstLine(csv + "/edges/member_of.csv");
  EXPECT_EQ(member_of.rfind(":START_ID,:END_ID,:TYPE,", 0), 0u) << member_of;
  EXPECT_NE(member_of.find(",since:int"), std::string::npos) << member_of;
  EXPECT_NE(FirstLine(csv + "/nodes/programme.csv").find(",budget_krw:int"), std::string::npos);
  EXPECT_NE(FirstLine(csv + "/nodes/hardware.csv").find(",petaflops:double"), std::string::npos);
  EXPECT_NE(testing::CliRunner::Slurp(csv + "/nodes/organisation.csv")
                .find(",Organisation,Korea University,고려대학교,고려대,university,article,"),
            std::string::npos);

  // JSON Lines: APOC's shape, nodes first.
  std::vector<Json> lines = JsonLines(testing::CliRunner::Slurp(cli_.Path("g.jsonl")));
  ASSERT_EQ(lines.size(), 135u);
  EXPECT_EQ(lines[60]["type"], "node");
  EXPECT_EQ(lines[61]["type"], "relationship");
  const auto kaist = std::find_if(lines.begin(), lines.end(), [](const Json& j) {
    return j.contains("properties") && j["properties"].value("name", "") == "KAIST";
  });
  ASSERT_NE(kaist, lines.end());
  EXPECT_EQ((*kaist)["labels"], Json::array({"Organisation"}));
  EXPECT_EQ((*kaist)["properties"]["kind"], "university");
  EXPECT_TRUE((*kaist)["id"].is_string());
  const auto member = std::find_if(lines.begin(), lines.end(), [](const Json& j) {
    return j.value("label", "") == "MEMBER_OF";
  });
  ASSERT_NE(member, lines.end());
  EXPECT_EQ((*member)["properties"]["since"], 2025);
  EXPECT_TRUE((*member)["properties"]["since"].is_number_integer());
  EXPECT_EQ((*member)["start"]["labels"], Json::array({"Organisation"}));
  EXPECT_EQ((*member)["end"]["labels"], Json::array({"Consortium"}));

  const std::string dot = testing::CliRunner::Slurp(cli_.Path("g.dot"));
  EXPECT_NE(dot.find("digraph \"alliancedb\" {\n"), std::string::npos);
  EXPECT_NE(dot.find("[label=\"KAIST\", labels=\":Organisation\""), std::string::npos);
  size_t edges = 0;
  for (size_t at = 0; (at = dot.find("\" -> \"", at)) != std::string::npos; ++at) ++edges;
  EXPECT_EQ(edges, 74u);
  EXPECT_EQ(testing::CliRunner::Slurp(cli_.Path("g.graphml")).rfind("<?xml", 0), 0u);
  EXPECT_EQ(testing::CliRunner::Slurp(cli_.Path("g.gexf")).rfind("<?xml", 0), 0u);
}

// What a NetworkX user gets from the GraphML and GEXF files, against what the
// database says.
TEST_F(ExportCommandTest, NetworkXReadsGraphmlAndGexf) {
  const int64_t nodes = Count("", "MATCH (n) RETURN count(n) AS n");
  Json types = Json::object();
  for (const Json& row : Query("", "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")) {
    types[row["t"].get<std::string>()] = row["n"];
  }
  const Json kaist =
      Query("", "MATCH (o:Organisation {name: 'KAIST'}) RETURN o.kind AS kind, o.name_ko AS ko")[0];
  std::vector<std::string> consortia;
  for (const Json& row : Query("",
                               "MATCH (:Organisation {name: 'KAIST'})-[:MEMBER_OF]->(c) "
                               "RETURN c.name AS c ORDER BY c")) {
    consortia.push_back(row["c"]);
  }
  ASSERT_EQ(consortia.size(), 3u);
  const Json aliases = Query("", "MATCH (o {name: 'NC AI'}) RETURN o.aliases AS a")[0]["a"];

  for (const std::string format : {"graphml", "gexf"}) {
    SCOPED_TRACE(format);
    const std::string file = cli_.Path("g." + format);
    ASSERT_EQ(cli_.Run("export --format " + format + " " + file).exit_code, 0);
    CliResult r =
        cli_.RunProgram("/usr/bin/python3", std::string("'") + EXPORT_READBACK_SCRIPT + "' " +
                                                format + " '" + file +
                                                "' KAIST 'Sovereign AI Foundation Model Project' "
                                                "'NHN Cloud AI semiconductor farm' 'NC AI'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json g = Json::parse(r.out);
    EXPECT_EQ(g["nodes"], nodes);
    EXPECT_EQ(g["edges"], 74);
    EXPECT_EQ(g["edge_types"], types);

    const Json& k = g["named"]["KAIST"]["attributes"];
    EXPECT_EQ(k["name"], (Json{{"type", "str"}, {"value", "KAIST"}}));
    EXPECT_EQ(k["kind"]["value"], kaist["kind"]);
    EXPECT_EQ(k["name_ko"]["value"], kaist["ko"]);
    EXPECT_EQ(k["labels"]["value"], ":Organisation");
    if (format == "gexf") {
      EXPECT_EQ(k["label"]["value"], "KAIST");
    }
    std::vector<std::string> targets;
    for (const Json& edge : g["named"]["KAIST"]["out"]) {
      EXPECT_EQ(edge[0], "MEMBER_OF");
      targets.push_back(edge[1]);
      EXPECT_EQ(edge[2]["since"], (Json{{"type", "int"}, {"value", 2025}}));
    }
    EXPECT_EQ(targets, consortia);

    EXPECT_EQ(g["named"]["Sovereign AI Foundation Model Project"]["attributes"]["budget_krw"],
              (Json{{"type", "int"}, {"value", 200000000000}}));
    EXPECT_EQ(g["named"]["NHN Cloud AI semiconductor farm"]["attributes"]["petaflops"],
              (Json{{"type", "float"}, {"value", 22.0}}));
    const Json& nc_aliases = g["named"]["NC AI"]["attributes"]["aliases"];
    EXPECT_EQ(nc_aliases["type"], "str");  // a JSON array in a string attribute
    EXPECT_EQ(Json::parse(nc_aliases["value"].get<std::string>()), aliases);
  }
}

TEST_F(ExportCommandTest, CsvRoundTripKeepsTheGraph) {
  const std::string csv = cli_.Path("csv");
  CliResult r = cli_.Run("export --format csv " + csv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("import with: alliancedb import --db DIR " + csv + "/nodes/*.csv " + csv +
                       "/edges/*.csv\n"),
            std::string::npos)
      << r.out;
  const std::string db = "--db " + cli_.Path("copy");
  r = cli_.Run("import " + db + CsvFiles(csv));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 61 nodes and 74 relationships"), std::string::npos) << r.out;

  const std::vector<std::string> original = Graph("");
  EXPECT_EQ(original.size(), 61u + 74u);
  EXPECT_EQ(Graph(db), original);
  // Types survive, not just text: a list, a 64-bit int, a double that looks
  // like an int, an int relationship property.
  EXPECT_EQ(Query(db, "MATCH (o:Organisation {name: 'NC AI'}) RETURN o.aliases AS v")[0]["v"],
            Json::array({"엔씨소프트 AI"}));
  const Json budget = Query(db, "MATCH (p:Programme) RETURN p.budget_krw AS v")[0]["v"];
  EXPECT_TRUE(budget.is_number_integer());
  EXPECT_EQ(budget, 200000000000);
  const Json petaflops =
      Query(db, "MATCH (h:Hardware) WHERE h.petaflops IS NOT NULL RETURN h.petaflops AS v")[0]["v"];
  EXPECT_TRUE(petaflops.is_number_float());
  EXPECT_EQ(petaflops, 22.0);
  EXPECT_EQ(cli_.Run("check " + db).exit_code, 0);
}

TEST_F(ExportCommandTest, JsonlRoundTripKeepsTheGraph) {
  const std::string file = cli_.Path("g.jsonl");
  ASSERT_EQ(cli_.Run("export --format jsonl " + file).exit_code, 0);
  const std::string db = "--db " + cli_.Path("copy");
  CliResult r = cli_.Run("import " + db + " --jsonl " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("imported 61 nodes and 74 relationships in ", 0), 0u) << r.out;
  EXPECT_EQ(Graph(db), Graph(""));
  EXPECT_EQ(cli_.Run("check " + db).exit_code, 0);

  // --dry-run checks everything and writes nothing.
  const std::string dry = "--db " + cli_.Path("dry");
  r = cli_.Run("import " + dry + " --dry-run --jsonl " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("validated 61 nodes and 74 relationships"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(dry run: nothing written)"), std::string::npos);
  EXPECT_EQ(Count(dry, "MATCH (n) RETURN count(n) AS n"), 0);
}

TEST_F(ExportCommandTest, AwkwardValuesRoundTripThroughCsvAndJsonl) {
  const std::string db = "--db " + AwkwardDatabase();
  const std::vector<std::string> original = Graph(db);
  ASSERT_EQ(original.size(), 5u + 4u);

  const std::string csv = cli_.Path("awkward-csv");
  CliResult r = cli_.Run("export " + db + " --format csv " + csv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("alliancedb import --db DIR --schema free"), std::string::npos) << r.out;
  // `n` is an int on some Things and a string on another: two files.
  EXPECT_TRUE(fs::exists(csv + "/nodes/thing.csv"));
  EXPECT_TRUE(fs::exists(csv + "/nodes/thing-2.csv"));
  EXPECT_TRUE(fs::exists(csv + "/nodes/unlabelled.csv"));
  EXPECT_NE(FirstLine(csv + "/nodes/thing.csv").find(",a:b:string,"), std::string::npos);
  const std::string via_csv = "--db " + cli_.Path("via-csv");
  r = cli_.Run("import " + via_csv + " --schema free" + CsvFiles(csv));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Graph(via_csv), original);

  const std::string jsonl = cli_.Path("awkward.jsonl");
  ASSERT_EQ(cli_.Run("export " + db + " --format jsonl " + jsonl).exit_code, 0);
  const std::string via_jsonl = "--db " + cli_.Path("via-jsonl");
  r = cli_.Run("import " + via_jsonl + " --schema free --jsonl " + jsonl);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Graph(via_jsonl), original);

  // The node with both labels is written once; the relationship to the
  // unlabelled node is left out with it.
  r = cli_.Run("export " + db + " --format jsonl --labels Thing,Other -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "exported 4 nodes and 3 relationships to stdout\n");
  EXPECT_EQ(JsonLines(r.out).size(), 7u);
}

// A list holding the array delimiter, or an empty one, would come back changed
// from CSV: the export refuses and says what to use; JSON Lines keeps them.
TEST_F(ExportCommandTest, ValuesCsvCannotCarryAreRefused) {
  const std::string db = "--db " + AwkwardDatabase();
  for (const std::string value : {"['a;b']", "[]"}) {
    SCOPED_TRACE(value);
    ASSERT_EQ(cli_.Run("query " + db + " \"MATCH (n:Thing) DETACH DELETE n\"").exit_code, 0);
    ASSERT_EQ(cli_.Run("query " + db + " \"CREATE (:Thing {xs: " + value + "})\"").exit_code, 0);
    CliResult r = cli_.Run("export " + db + " --format csv " + cli_.Path("out"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(value == "[]" ? "an empty list reads back from CSV as no value"
                                       : "holds the array delimiter ';'"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("; --format jsonl keeps it"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(cli_.Path("out")));
    EXPECT_EQ(StagingLeftovers(), std::vector<std::string>{});

    ASSERT_EQ(cli_.Run("export " + db + " --format jsonl " + cli_.Path("out.jsonl")).exit_code, 0);
    const std::string copy = "--db " + cli_.Path("copy-" + std::to_string(value.size()));
    ASSERT_EQ(
        cli_.Run("import " + copy + " --schema free --jsonl " + cli_.Path("out.jsonl")).exit_code,
        0);
    EXPECT_EQ(Graph(copy), Graph(db));
  }
}

TEST_F(ExportCommandTest, SelectionByLabelsAndTypes) {
  auto exported = [&](const std::string& args) {
    CliResult r = cli_.Run("export --format jsonl " + args + " -");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;
  };
  EXPECT_EQ(exported("--labels Organisation,Consortium --types MEMBER_OF"),
            "exported 47 nodes and 41 relationships to stdout\n");
  // Only the relationships with both ends selected: PART_OF joins organisations.
  EXPECT_EQ(exported("--labels Organisation"), "exported 41 nodes and 6 relationships to stdout\n");
  EXPECT_EQ(exported("--types MEMBER_OF,PART_OF"),
            "exported 61 nodes and 47 relationships to stdout\n");
  CliResult r = cli_.Run("export --format jsonl --types MEMBER_OF -");
  for (const Json& line : JsonLines(r.out)) {
    if (line["type"] == "relationship") {
      EXPECT_EQ(line["label"], "MEMBER_OF");
    }
  }
}

TEST_F(ExportCommandTest, ErrorsNameTheProblemAndLeaveNothingBehind) {
  const std::string out = cli_.Path("out.graphml");
  CliResult r = cli_.Run("export --format xml " + out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "alliancedb export: unknown export format 'xml' (expected csv, jsonl, graphml, gexf or "
            "dot)\n");
  EXPECT_EQ(cli_.Run("export " + out).exit_code, 2);  // --format is required

  r = cli_.Run("export --format graphml --labels Organisation,Persn " + out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("alliancedb: unknown label 'Persn' (known: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("Organisation, Consortium"), std::string::npos) << r.err;
  r = cli_.Run("export --format graphml --types MEMBER " + out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown relationship type 'MEMBER' (known: "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));

  // An OUT that cannot be written: its parent is a file.
  const std::string blocked = cli_.Write("plain-file", "x") + "/g.graphml";
  r = cli_.Run("export --format graphml " + blocked);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("alliancedb: cannot write " + blocked + ": ", 0), 0u) << r.err;

  // CSV goes to a new (or empty) directory: old files would be imported too.
  const std::string full = cli_.Path("full");
  fs::create_directory(full);
  cli_.Write("full/keep.csv", "kept");
  r = cli_.Run("export --format csv " + full);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(full + " exists and is not an empty directory"), std::string::npos) << r.err;
  EXPECT_EQ(testing::CliRunner::Slurp(full + "/keep.csv"), "kept");
  fs::create_directory(cli_.Path("empty"));
  EXPECT_EQ(cli_.Run("export --format csv " + cli_.Path("empty")).exit_code, 0);
  EXPECT_TRUE(fs::exists(cli_.Path("empty/nodes/organisation.csv")));
  EXPECT_EQ(cli_.Run("export --format csv -").exit_code, 2);

  EXPECT_EQ(StagingLeftovers(), std::vector<std::string>{});
}

// A bad line names the file and line, and nothing of the file is committed.
TEST_F(ExportCommandTest, JsonlImportErrorsGiveFileAndLine) {
  const std::string good =
      "{\"type\":\"node\",\"id\":\"a\",\"labels\":[\"Organisation\"],"
      "\"properties\":{\"name\":\"Acme\",\"kind\":\"company\"}}\n"
      "\n"  // blank lines are skipped but counted
      "{\"type\":\"node\",\"id\":7,\"labels\":[\"Consortium\"],"
      "\"properties\":{\"name\":\"C1\",\"kind\":\"programme\"}}\n"
      "{\"type\":\"relationship\",\"label\":\"MEMBER_OF\",\"start\":{\"id\":\"a\"},"
      "\"end\":{\"id\":\"7\"},\"properties\":{\"role\":\"lead\",\"since\":2025}}\n";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"{not json", "not valid JSON: parse error at column 3: syntax error"},
      {"[1]", "expected a JSON object"},
      {"{\"type\":\"edge\"}", "unknown type \"edge\" (expected \"node\" or \"relationship\")"},
      {"{\"type\":\"node\",\"labels\":[\"Organisation\"]}", "the node has no \"id\""},
      {"{\"type\":\"node\",\"id\":\"a\",\"labels\":[\"Organisation\"],\"properties\":{\"name\":"
       "\"B\"}}",
       "duplicate node id 'a' (first on line 1)"},
      {"{\"type\":\"node\",\"id\":\"p\",\"labels\":[\"Person\"],\"properties\":{\"name\":\"P\"}}",
       "schema violation: unknown label 'Person'"},
      {"{\"type\":\"node\",\"id\":\"q\",\"labels\":[\"Organisation\"],"
       "\"properties\":{\"name\":{\"x\":1}}}",
       "property 'name': a JSON object is not a property value"},
      // The transaction itself would only notice this at commit, without a line.
      {"{\"type\":\"node\",\"id\":\"c2\",\"labels\":[\"Consortium\"],\"properties\":{\"name\":"
       "\"C2\"}}",
       "schema violation: label Consortium requires property 'kind'"},
      {"{\"type\":\"relationship\",\"label\":\"MEMBER_OF\",\"start\":{\"id\":\"a\"},"
       "\"end\":{\"id\":\"nope\"}}",
       "unknown end node id 'nope' (nodes must come before their relationships)"},
  };
  const int64_t before = Count("", "MATCH (n) RETURN count(n) AS n");
  ASSERT_EQ(before, 61);
  for (const auto& [line, reason] : bad) {
    SCOPED_TRACE(line);
    const std::string file = cli_.Write("bad.jsonl", good + line + "\n");
    CliResult r = cli_.Run("import --jsonl " + file);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err.rfind("alliancedb: " + file + ":5: " + reason, 0), 0u) << r.err;
    EXPECT_EQ(Count("", "MATCH (n) RETURN count(n) AS n"), before);
  }
  EXPECT_EQ(Count("", "MATCH (n {name: 'Acme'}) RETURN count(n) AS n"), 0);

  // The good lines alone go in, ids linking the lines whatever their JSON type.
  CliResult r = cli_.Run("import --jsonl " + cli_.Write("good.jsonl", good));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count("",
                  "MATCH (:Organisation {name: 'Acme'})-[m:MEMBER_OF {since: 2025}]->"
                  "(:Consortium {name: 'C1'}) RETURN count(m) AS n"),
            1);

  r = cli_.Run("import --jsonl " + cli_.Path("missing.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot open " + cli_.Path("missing.jsonl")), std::string::npos) << r.err;
  EXPECT_EQ(
      cli_.Run("import --jsonl " + cli_.Path("good.jsonl") + " " + cli_.Path("a.csv")).exit_code,
      2);
}

}  // namespace
}  // namespace alliance

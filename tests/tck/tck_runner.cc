// tck_runner: runs openCypher TCK feature files against AllianceDB.
//
//   tck_runner FEATURES_DIR [--graphs DIR] [--expect-passing FILE]
//              [--write-passing FILE] [--filter TEXT] [--verbose]
//
// Each scenario gets a fresh schema-free database. Prints passed / failed /
// skipped per feature file and a total. With --expect-passing, exits non-zero
// when a scenario listed in FILE fails (the list only grows); with
// --write-passing, writes the ids of the scenarios that passed. No branch here
// depends on a scenario's name or query text.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "alliance/database.h"
#include "alliance/query_error.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/tck_result.h"
#include "tests/tck/tck_value.h"

namespace alliance::tck {
namespace {

namespace fs = std::filesystem;

TckMap ToTckMap(const PropertyMap& props);

TckNode ToTckNode(const Node& n) {
  TckNode t;
  t.labels.insert(n.labels.begin(), n.labels.end());
  t.properties = ToTckMap(n.properties);
  return t;
}

TckRelationship ToTckRelationship(const Relationship& r) {
  return TckRelationship{r.type, ToTckMap(r.properties)};
}

TckValue ToTck(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return TckValue::Null();
    case Value::Type::kBool: return TckValue::Bool(v.as_bool());
    case Value::Type::kInt: return TckValue::Int(v.as_int());
    case Value::Type::kDouble: return TckValue::Float(v.as_double());
    case Value::Type::kString: return TckValue::String(v.as_string());
    case Value::Type::kList: {
      TckList l;
      for (const Value& e : v.as_list()) l.push_back(ToTck(e));
      return TckValue::List(std::move(l));
    }
    case Value::Type::kMap: return TckValue::Map(ToTckMap(v.as_map()));
    case Value::Type::kNode: return TckValue::Node(ToTckNode(v.as_node()));
    case Value::Type::kRelationship: return TckValue::Relationship(ToTckRelationship(v.as_relationship()));
    case Value::Type::kPath: {
      const Path& p = v.as_path();
      TckPath t;
      t.start = ToTckNode(p.nodes.front());
      for (size_t i = 0; i < p.relationships.size(); ++i) {
        const Relationship& r = p.relationships[i];
        t.hops.push_back(TckPathHop{ToTckRelationship(r), r.start == p.nodes[i].id,
                                    ToTckNode(p.nodes[i + 1])});
      }
      return TckValue::Path(std::move(t));
    }
  }
  return TckValue::Null();
}

TckMap ToTckMap(const PropertyMap& props) {
  TckMap m;
  for (const auto& [k, v] : props) m.emplace(k, ToTck(v));
  return m;
}

Value FromTck(const TckValue& t) {
  switch (t.kind()) {
    case TckValue::Kind::kNull: return Value();
    case TckValue::Kind::kBool: return Value::Bool(t.AsBool());
    case TckValue::Kind::kInt: return Value::Int(t.AsInt());
    case TckValue::Kind::kFloat: return Value::Double(t.AsFloat());
    case TckValue::Kind::kString: return Value::String(t.AsString());
    case TckValue::Kind::kList: {
      Value::List l;
      for (const TckValue& e : t.AsList()) l.push_back(FromTck(e));
      return Value::MakeList(std::move(l));
    }
    case TckValue::Kind::kMap: {
      Value::Map m;
      for (const auto& [k, e] : t.AsMap()) m.emplace(k, FromTck(e));
      return Value::MakeMap(std::move(m));
    }
    default: return Value();  // nodes and paths are never parameters in the TCK
  }
}

// What side effects are measured on: ids, label names and (entity, key, value) triples.
struct GraphState {
  std::set<NodeId> nodes;
  std::set<RelationshipId> relationships;
  std::set<std::string> labels;
  std::multiset<std::string> properties;
};

absl::StatusOr<GraphState> Measure(Database& db) {
  GraphState s;
  auto nodes = db.Execute("MATCH (n) RETURN n");
  if (!nodes.ok()) return nodes.status();
  for (const auto& row : nodes->rows) {
    const Node& n = row[0].as_node();
    s.nodes.insert(n.id);
    s.labels.insert(n.labels.begin(), n.labels.end());
    for (const auto& [k, v] : n.properties) {
      s.properties.insert("n" + std::to_string(n.id) + "." + k + "=" + v.ToString());
    }
  }
  auto rels = db.Execute("MATCH ()-[r]->() RETURN r");
  if (!rels.ok()) return rels.status();
  for (const auto& row : rels->rows) {
    const Relationship& r = row[0].as_relationship();
    s.relationships.insert(r.id);
    for (const auto& [k, v] : r.properties) {
      s.properties.insert("r" + std::to_string(r.id) + "." + k + "=" + v.ToString());
    }
  }
  return s;
}

template <typename Set>
int64_t Missing(const Set& from, const Set& in) {
  Set diff;
  std::set_difference(from.begin(), from.end(), in.begin(), in.end(),
                      std::inserter(diff, diff.end()));
  return static_cast<int64_t>(diff.size());
}

SideEffects Diff(const GraphState& before, const GraphState& after) {
  SideEffects e;
  e.nodes_created = Missing(after.nodes, before.nodes);
  e.nodes_deleted = Missing(before.nodes, after.nodes);
  e.relationships_created = Missing(after.relationships, before.relationships);
  e.relationships_deleted = Missing(before.relationships, after.relationships);
  e.labels_added = Missing(after.labels, before.labels);
  e.labels_removed = Missing(before.labels, after.labels);
  e.properties_set = Missing(after.properties, before.properties);
  e.properties_removed = Missing(before.properties, after.properties);
  return e;
}

struct Options {
  std::string features;
  std::string graphs;
  std::string expect_passing;
  std::string write_passing;
  std::string filter;
  bool verbose = false;
};

class ScenarioRun {
 public:
  ScenarioRun(const Options& options, const std::string& dir) : options_(options), dir_(dir) {}

  // OK when every step holds; otherwise the first failing step.
  absl::Status Run(const Scenario& scenario) {
    alliance::Options db_options;
    db_options.schema_mode = SchemaMode::kFree;
    db_options.sync_on_commit = false;
    auto db = Database::Open(dir_, db_options);
    if (!db.ok()) return db.status();
    db_ = std::move(*db);
    for (const Step& step : scenario.steps) {
      absl::Status s = RunStep(step);
      if (!s.ok()) {
        return absl::Status(s.code(), "line " + std::to_string(step.line) + " (" + step.text +
                                          "): " + std::string(s.message()));
      }
    }
    if (expecting_error_ && !error_checked_) {
      return absl::InternalError("the scenario expected an error but never checked it");
    }
    return absl::OkStatus();
  }

 private:
  absl::Status RunStep(const Step& step) {
    static const std::regex kGraph("^the (.*) graph$");
    static const std::regex kError("^an? (.+) should be raised at (.+): (.+)$");
    std::smatch m;
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") return absl::OkStatus();
    if (std::regex_match(t, m, kGraph)) return LoadGraph(m[1]);
    if (t == "having executed:") {
      auto r = db_->Execute(step.docstring.value_or(""), params_);
      if (!r.ok()) return absl::InternalError("setup query failed: " + std::string(r.status().message()));
      return absl::OkStatus();
    }
    if (t == "parameters are:") {
      auto params = ParseParameters(step.table.value_or(GherkinTable{}));
      if (!params.ok()) return params.status();
      for (const auto& [k, v] : *params) params_[k] = FromTck(v);
      return absl::OkStatus();
    }
    if (t == "executing query:" || t == "executing control query:") {
      const bool control = t == "executing control query:";
      if (!control) {
        auto before = Measure(*db_);
        if (!before.ok()) return before.status();
        before_ = *before;
      }
      result_ = db_->Execute(step.docstring.value_or(""), params_);
      error_checked_ = false;
      if (!control) {
        auto after = Measure(*db_);
        if (!after.ok()) return after.status();
        effects_ = Diff(before_, *after);
      }
      return absl::OkStatus();
    }
    if (t.starts_with("the result should be")) {
      if (!result_.ok()) return absl::FailedPreconditionError("query failed: " + std::string(result_.status().message()));
      if (t == "the result should be empty") {
        if (!result_->rows.empty()) {
          return absl::FailedPreconditionError("expected no rows, got " + std::to_string(result_->rows.size()));
        }
        return absl::OkStatus();
      }
      auto expected = ParseExpectedTable(step.table.value_or(GherkinTable{}));
      if (!expected.ok()) return expected.status();
      std::vector<std::vector<TckValue>> rows;
      for (const auto& row : result_->rows) {
        std::vector<TckValue> r;
        for (const Value& v : row) r.push_back(ToTck(v));
        rows.push_back(std::move(r));
      }
      const bool in_order = t.find("in order") != std::string::npos;
      const bool ignore_lists = t.find("ignoring element order for lists") != std::string::npos;
      return CompareResults(*expected, result_->columns, rows,
                            in_order ? Ordering::kInOrder : Ordering::kAnyOrder, ignore_lists);
    }
    if (std::regex_match(t, m, kError)) {
      expecting_error_ = true;
      error_checked_ = true;
      if (result_.ok()) {
        return absl::FailedPreconditionError("expected " + m[1].str() + ", the query succeeded");
      }
      auto info = GetQueryErrorInfo(result_.status());
      if (!info || info->type != m[1].str()) {
        return absl::FailedPreconditionError("expected " + m[1].str() + ", got " +
                                             (info ? info->type + "/" + info->detail + ": " : "") +
                                             std::string(result_.status().message()));
      }
      return absl::OkStatus();
    }
    if (t == "the side effects should be:" || t == "no side effects") {
      if (!result_.ok() && !expecting_error_) {
        return absl::FailedPreconditionError("query failed: " + std::string(result_.status().message()));
      }
      SideEffects expected;
      if (step.table) {
        auto parsed = ParseSideEffects(*step.table);
        if (!parsed.ok()) return parsed.status();
        expected = *parsed;
      }
      return CompareSideEffects(expected, effects_);
    }
    if (t.starts_with("there exists a procedure")) {
      return absl::UnimplementedError("TCK test procedures are not registered");
    }
    return absl::UnimplementedError("unknown step");
  }

  absl::Status LoadGraph(const std::string& name) {
    const fs::path script = fs::path(options_.graphs) / name / (name + ".cypher");
    std::ifstream in(script);
    if (!in) return absl::NotFoundError("no graph script " + script.string());
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(';', start);
      if (end == std::string::npos) end = text.size();
      std::string statement = text.substr(start, end - start);
      start = end + 1;
      if (statement.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      auto r = db_->Execute(statement);
      if (!r.ok()) return absl::InternalError("graph script failed: " + std::string(r.status().message()));
    }
    return absl::OkStatus();
  }

  const Options& options_;
  std::string dir_;
  std::unique_ptr<Database> db_;
  PropertyMap params_;
  absl::StatusOr<QueryResult> result_ = absl::UnknownError("no query executed");
  GraphState before_;
  SideEffects effects_;
  bool expecting_error_ = false;
  bool error_checked_ = false;
};

std::string ScenarioId(const std::string& features, const Feature& f, const Scenario& s) {
  std::string rel = fs::relative(f.path, features).string();
  std::string id = rel + ":" + std::to_string(s.line);
  if (s.example_index >= 0) id += "#" + std::to_string(s.example_index);
  return id;
}

int Main(const Options& options) {
  auto files = FindFeatureFiles(options.features);
  if (!files.ok()) {
    std::cerr << files.status() << "\n";
    return 2;
  }
  std::set<std::string> expected;
  if (!options.expect_passing.empty()) {
    std::ifstream in(options.expect_passing);
    if (!in) {
      std::cerr << "tck_runner: cannot read " << options.expect_passing << "\n";
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') expected.insert(line);
    }
  }
  const char* tmp = std::getenv("TMPDIR");
  const fs::path scratch = fs::path(tmp && *tmp ? tmp : "/tmp") / ("tck-" + std::to_string(getpid()));
  int total_pass = 0, total_fail = 0, total_skip = 0, regressions = 0;
  std::vector<std::string> passing;
  int counter = 0;
  for (const std::string& path : *files) {
    auto feature = ParseFeatureFile(path);
    if (!feature.ok()) {
      std::cerr << feature.status() << "\n";
      return 2;
    }
    int pass = 0, fail = 0, skip = 0;
    for (const Scenario& s : feature->scenarios) {
      const std::string id = ScenarioId(options.features, *feature, s);
      if (!options.filter.empty() && id.find(options.filter) == std::string::npos) continue;
      if (s.ignored) {
        ++skip;
        continue;
      }
      const fs::path dir = scratch / std::to_string(counter++);
      absl::Status st;
      {
        ScenarioRun run(options, dir.string());
        st = run.Run(s);
      }
      std::error_code ec;
      fs::remove_all(dir, ec);
      if (st.ok()) {
        ++pass;
        passing.push_back(id);
      } else {
        ++fail;
        if (expected.contains(id)) {
          ++regressions;
          std::cout << "REGRESSION " << id << " " << s.name << ": " << st.message() << "\n";
        } else if (options.verbose) {
          std::cout << "FAIL " << id << " " << s.name << ": " << st.message() << "\n";
        }
      }
    }
    std::cout << fs::relative(path, options.features).string() << ": " << pass << " passed, "
              << fail << " failed, " << skip << " skipped\n";
    total_pass += pass;
    total_fail += fail;
    total_skip += skip;
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (!options.write_passing.empty()) {
    std::ofstream out(options.write_passing);
    out << "# TCK scenarios (feature:line#example) that pass; a listed one that fails fails ctest.\n";
    for (const std::string& id : passing) out << id << "\n";
  }
  std::cout << "TCK total: " << total_pass << " passed, " << total_fail << " failed, "
            << total_skip << " skipped\n";
  if (regressions > 0) {
    std::cout << regressions << " scenario(s) on the passing list failed\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace alliance::tck

int main(int argc, char** argv) {
  alliance::tck::Options options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--graphs") {
      options.graphs = next();
    } else if (a == "--expect-passing") {
      options.expect_passing = next();
    } else if (a == "--write-passing") {
      options.write_passing = next();
    } else if (a == "--filter") {
      options.filter = next();
    } else if (a == "--verbose") {
      options.verbose = true;
    } else if (options.features.empty()) {
      options.features = a;
    } else {
      std::cerr << "usage: tck_runner FEATURES_DIR [--graphs DIR] [--expect-passing FILE] "
                   "[--write-passing FILE] [--filter TEXT] [--verbose]\n";
      return 2;
    }
  }
  if (options.features.empty()) {
    std::cerr << "usage: tck_runner FEATURES_DIR [options]\n";
    return 2;
  }
  if (options.graphs.empty()) {
    options.graphs = (std::filesystem::path(options.features).parent_path() / "graphs").string();
  }
  return alliance::tck::Main(options);
}

// alliancedb report: analyst reports over the alliance graph.
//   overlap: organisations shared across consortia, and consortium pairs that
//   share members (from the engine's algo.overlap).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "absl/strings/str_join.h"
#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"
#include "table_printer.h"

namespace alliance::tools {
namespace {

struct Membership {
  std::map<NodeId, std::string> consortium_names;
  std::map<NodeId, std::string> organisation_names;
  std::map<NodeId, std::set<NodeId>> consortia_of;  // organisation -> consortia
};

absl::StatusOr<Membership> ReadMemberships(const Transaction& txn) {
  Membership m;
  absl::Status inner;
  absl::Status s = txn.ScanLabel("Consortium", [&](const Node& c) {
    const Value& name = c.Property("name");
    m.consortium_names[c.id] = name.type() == Value::Type::kString ? name.as_string() : "?";
    inner = txn.ForEachRelationship(c.id, Direction::kIncoming, {"MEMBER_OF"},
                                    [&](const Relationship& r) {
                                      m.consortia_of[r.start].insert(c.id);
                                      return true;
                                    });
    return inner.ok();
  });
  if (!s.ok()) return s;
  if (!inner.ok()) return inner;
  for (const auto& [org, consortia] : m.consortia_of) {
    absl::StatusOr<Value> name = txn.GetNodeProperty(org, "name");
    if (!name.ok()) return name.status();
    m.organisation_names[org] = name->type() == Value::Type::kString ? name->as_string() : "?";
  }
  return m;
}

int Overlap(const std::string& db_path, int min_consortia) {
  auto db = OpenDatabaseFlag(db_path, OpenMode::kReadOnly);
  if (!db.ok()) return ReportError(db.status());
  auto txn = (*db)->BeginRead();
  auto m = ReadMemberships(*txn);
  if (!m.ok()) return ReportError(m.status());

  struct Shared {
    std::string name;
    std::vector<std::string> consortia;
  };
  std::vector<Shared> shared;
  for (const auto& [org, consortia] : m->consortia_of) {
    if (static_cast<int>(consortia.size()) < min_consortia) continue;
    Shared s{m->organisation_names[org], {}};
    for (NodeId c : consortia) s.consortia.push_back(m->consortium_names[c]);
    std::sort(s.consortia.begin(), s.consortia.end());
    shared.push_back(std::move(s));
  }
  std::sort(shared.begin(), shared.end(), [](const Shared& a, const Shared& b) {
    return a.consortia.size() != b.consortia.size() ? a.consortia.size() > b.consortia.size()
                                                    : a.name < b.name;
  });
  std::cout << "Organisations in " << min_consortia << " or more consortia: " << shared.size()
            << "\n\n";
  TablePrinter orgs({"organisation", "consortia", "which"});
  for (const Shared& s : shared) {
    orgs.AddRow({s.name, std::to_string(s.consortia.size()), absl::StrJoin(s.consortia, ", ")});
  }
  orgs.Print(std::cout, 120);

  // The pairs come from the engine's overlap analytics (algo.overlap).
  Value::Map config;
  config.emplace("listShared", Value::Int(1000));
  auto overlap = (*db)->CallProcedure("algo.overlap", {Value::MakeMap(std::move(config))});
  if (!overlap.ok()) return ReportError(overlap.status());
  struct Pair {
    std::string a, b;
    std::vector<std::string> members;
    double jaccard = 0;
  };
  auto name_of = [](const Value& node) {
    const Value& name = node.as_node().Property("name");
    return name.type() == Value::Type::kString ? name.as_string() : std::string("?");
  };
  std::vector<Pair> pairs;
  for (const auto& row : overlap->rows) {  // a, b, shared, jaccard, overlap, cosine, sharedMembers
    Pair p{name_of(row[0]), name_of(row[1]), {}, row[3].as_double()};
    if (p.b < p.a) std::swap(p.a, p.b);
    for (const Value& member : row[6].as_list()) p.members.push_back(name_of(member));
    std::sort(p.members.begin(), p.members.end());
    pairs.push_back(std::move(p));
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.members.size() != y.members.size() ? x.members.size() > y.members.size()
                                                : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  std::cout << "\nConsortium pairs sharing members: " << pairs.size() << "\n\n";
  TablePrinter table({"consortium", "consortium", "shared", "members", "jaccard"});
  for (const Pair& p : pairs) {
    char jaccard[32];
    std::snprintf(jaccard, sizeof jaccard, "%.3f", p.jaccard);
    table.AddRow({p.a, p.b, std::to_string(p.members.size()), absl::StrJoin(p.members, ", "),
                  jaccard});
  }
  table.Print(std::cout, 120);
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("report", "Analyst reports over the alliance graph");
  cmd->require_subcommand(1);
  auto db_path = std::make_shared<std::string>();
  auto min_consortia = std::make_shared<int>(2);
  CLI::App* overlap = cmd->add_subcommand(
      "overlap", "Organisations shared across consortia, and consortium pairs sharing members");
  AddDatabaseFlag(*overlap, db_path.get());
  overlap->add_option("--min-consortia", *min_consortia,
                      "List organisations in at least this many consortia")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  overlap->footer("Example:\n  alliancedb report overlap\n  alliancedb report overlap --db /tmp/g");
  overlap->callback([db_path, min_consortia, exit_code]() {
    *exit_code = Overlap(*db_path, *min_consortia);
  });
}

}  // namespace alliance::tools

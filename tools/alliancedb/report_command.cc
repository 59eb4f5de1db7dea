// alliancedb report: analyst reports over the alliance graph.
//   overlap: organisations shared across consortia, and consortium pairs that
//   share members.
#include <algorithm>
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
  std::map<NodeId, std::set<NodeId>> members_of;    // consortium -> organisations
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
                                      m.members_of[c.id].insert(r.start);
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

  struct Pair {
    std::string a, b;
    std::vector<std::string> members;
  };
  std::vector<Pair> pairs;
  for (auto i = m->members_of.begin(); i != m->members_of.end(); ++i) {
    for (auto j = std::next(i); j != m->members_of.end(); ++j) {
      std::vector<NodeId> common;
      std::set_intersection(i->second.begin(), i->second.end(), j->second.begin(),
                            j->second.end(), std::back_inserter(common));
      if (common.empty()) continue;
      Pair p{m->consortium_names[i->first], m->consortium_names[j->first], {}};
      if (p.b < p.a) std::swap(p.a, p.b);
      for (NodeId o : common) p.members.push_back(m->organisation_names[o]);
      std::sort(p.members.begin(), p.members.end());
      pairs.push_back(std::move(p));
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.members.size() != y.members.size() ? x.members.size() > y.members.size()
                                                : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  std::cout << "\nConsortium pairs sharing members: " << pairs.size() << "\n\n";
  TablePrinter table({"consortium", "consortium", "shared", "members"});
  for (const Pair& p : pairs) {
    table.AddRow({p.a, p.b, std::to_string(p.members.size()), absl::StrJoin(p.members, ", ")});
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

// report consortium NAME: one consortium's profile — lead, members by kind,
// programmes, models, hardware, and its overlaps with the other consortia.
#include <algorithm>

#include "absl/strings/str_join.h"
#include "alliance_membership.h"
#include "membership_drawing.h"
#include "membership_scores.h"
#include "report_builders.h"

namespace alliance::tools {
namespace {

std::string NameOf(const Transaction& txn, NodeId id) {
  auto v = txn.GetNodeProperty(id, "name");
  return v.ok() && v->type() == Value::Type::kString ? v->as_string() : "#" + std::to_string(id);
}

// Names at the far end of `node`'s relationships of `type`.
absl::StatusOr<std::vector<std::pair<NodeId, std::string>>> Neighbours(const Transaction& txn,
                                                                       NodeId node,
                                                                       Direction direction,
                                                                       const std::string& type) {
  std::vector<std::pair<NodeId, std::string>> out;
  absl::Status s = txn.ForEachRelationship(node, direction, {type}, [&](const Relationship& r) {
    const NodeId other = r.start == node ? r.end : r.start;
    out.emplace_back(other, NameOf(txn, other));
    return true;
  });
  if (!s.ok()) return s;
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return out;
}

std::string JoinNames(const std::vector<std::pair<NodeId, std::string>>& named) {
  std::vector<std::string> names;
  for (const auto& [id, name] : named) names.push_back(name);
  return absl::StrJoin(names, ", ");
}

}  // namespace

absl::StatusOr<html::HtmlReport> BuildConsortiumReport(Database& db, const ReportRequest& r,
                                                       bool pictures) {
  auto txn = db.BeginRead();
  auto m = ReadAllianceMembership(*txn, r.rollup_affiliates);
  if (!m.ok()) return m.status();
  auto found = m->Find(*txn, "Consortium", r.SubjectName());
  if (!found.ok()) return found.status();
  const NodeId id = *found;
  const auto& e = m->entities.at(id);
  static const std::set<NodeId> kNone;
  const auto members_it = m->members_of.find(id);
  const std::set<NodeId>& members = members_it == m->members_of.end() ? kNone : members_it->second;

  html::HtmlReport report;
  report.title = e.name + (e.name_ko.empty() ? "" : " (" + e.name_ko + ")");
  report.subtitle = "Consortium profile" +
                    std::string(r.rollup_affiliates ? "; affiliates counted as their parent" : "");

  auto programmes = Neighbours(*txn, id, Direction::kOutgoing, "SELECTED_FOR");
  if (!programmes.ok()) return programmes.status();
  const auto leads = m->leads_of.count(id) ? m->Names(m->leads_of.at(id)) : std::vector<std::string>{};
  html::Table facts{"Overview", {"", ""}, {}};
  facts.rows.push_back({"kind", e.kind});
  facts.rows.push_back({"lead", leads.empty() ? "(none recorded)" : absl::StrJoin(leads, ", ")});
  facts.rows.push_back({"members", std::to_string(members.size())});
  facts.rows.push_back(
      {"selected for", programmes->empty() ? "(no programme)" : JoinNames(*programmes)});
  report.sections.push_back(std::move(facts));

  std::map<std::string, std::set<NodeId>> by_kind;
  for (NodeId o : members) by_kind[m->entities.at(o).kind].insert(o);
  html::Table kinds{"Members by kind", {"kind", "count", "members"}, {}};
  for (const auto& [kind, ids] : by_kind) {
    kinds.rows.push_back({kind.empty() ? "(unknown)" : kind, std::to_string(ids.size()),
                          absl::StrJoin(m->Names(ids), ", ")});
  }
  report.sections.push_back(std::move(kinds));

  auto models = Neighbours(*txn, id, Direction::kOutgoing, "BUILDS");
  if (!models.ok()) return models.status();
  html::Table model_table{"Models built", {"model", "developed by"}, {}};
  for (const auto& [model, name] : *models) {
    auto developers = Neighbours(*txn, model, Direction::kIncoming, "DEVELOPS");
    if (!developers.ok()) return developers.status();
    model_table.rows.push_back({name, JoinNames(*developers)});
  }
  report.sections.push_back(std::move(model_table));

  html::Table hardware{"Hardware", {"hardware", "how"}, {}};
  auto uses = Neighbours(*txn, id, Direction::kOutgoing, "USES");
  if (!uses.ok()) return uses.status();
  for (const auto& [hw, name] : *uses) hardware.rows.push_back({name, "uses"});
  for (const auto& [programme, programme_name] : *programmes) {
    auto provided = Neighbours(*txn, programme, Direction::kOutgoing, "PROVIDES");
    if (!provided.ok()) return provided.status();
    for (const auto& [hw, name] : *provided) {
      hardware.rows.push_back({name, "provided by " + programme_name});
    }
  }
  report.sections.push_back(std::move(hardware));

  auto overlap = db.CallProcedure(
      "algo.overlap", {MembershipConfig(r.rollup_affiliates, {{"listShared", Value::Int(100000)}})},
      r.query_options);
  if (!overlap.ok()) return overlap.status();
  html::Table overlaps{"Overlaps with other consortia",
                       {"consortium", "shared", "members", "jaccard", "overlap"},
                       {}};
  std::set<NodeId> drawn = {id};
  for (const auto& row : overlap->rows) {  // a, b, shared, jaccard, overlap, cosine, sharedMembers
    const NodeId a = row[0].as_node().id, b = row[1].as_node().id;
    if (a != id && b != id) continue;
    const NodeId other = a == id ? b : a;
    drawn.insert(other);
    std::vector<std::string> shared;
    for (const Value& v : row[6].as_list()) shared.push_back(m->name(v.as_node().id));
    std::sort(shared.begin(), shared.end());
    overlaps.rows.push_back({m->name(other), std::to_string(shared.size()),
                             absl::StrJoin(shared, ", "), FormatScore(row[3].as_double()),
                             FormatScore(row[4].as_double())});
  }
  std::sort(overlaps.rows.begin(), overlaps.rows.end(), [](const auto& x, const auto& y) {
    return std::stoi(x[1]) != std::stoi(y[1]) ? std::stoi(x[1]) > std::stoi(y[1]) : x[0] < y[0];
  });
  report.sections.push_back(std::move(overlaps));

  if (pictures) {
    auto scores = ComputeMembershipScores(db, r.rollup_affiliates, r.query_options);
    if (!scores.ok()) return scores.status();
    report.sections.push_back(MembershipDrawing(
        *m, scores->by_measure["twoModeBetweenness"],
        e.name + " and the consortia it shares members with", "2-mode betweenness", drawn));
  }
  return report;
}

}  // namespace alliance::tools

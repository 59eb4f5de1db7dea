// report organisation NAME: one organisation's place in the alliances — its
// consortia (and its affiliates'), parent and affiliates, co-members, and its
// rank among all member organisations in each centrality measure.
#include <algorithm>

#include "absl/strings/str_join.h"
#include "alliance_membership.h"
#include "membership_drawing.h"
#include "membership_scores.h"
#include "report_builders.h"

namespace alliance::tools {

absl::StatusOr<html::HtmlReport> BuildOrganisationReport(Database& db, const ReportRequest& r,
                                                         bool pictures) {
  auto txn = db.BeginRead();
  auto m = ReadAllianceMembership(*txn, r.rollup_affiliates);
  if (!m.ok()) return m.status();
  auto found = m->Find(*txn, "Organisation", r.SubjectName());
  if (!found.ok()) return found.status();
  const NodeId id = *found;
  const auto& e = m->entities.at(id);

  html::HtmlReport report;
  report.title = e.name + (e.name_ko.empty() || e.name_ko == e.name ? "" : " (" + e.name_ko + ")");
  report.subtitle = "Organisation profile" +
                    std::string(r.rollup_affiliates ? "; affiliates counted as their parent" : "");

  std::vector<std::string> chain;
  for (NodeId p = id; m->parent_of.count(p) && chain.size() < m->entities.size();) {
    p = m->parent_of.at(p);
    chain.push_back(m->name(p));
  }
  std::set<NodeId> affiliates;
  for (const auto& [child, parent] : m->parent_of) {
    NodeId p = child;
    // Bounded, so a PART_OF cycle cannot loop forever.
    for (size_t steps = 0; m->parent_of.count(p) && steps < m->entities.size(); ++steps) {
      p = m->parent_of.at(p);
      if (p == id) {
        affiliates.insert(child);
        break;
      }
    }
  }
  html::Table facts{"Overview", {"", ""}, {}};
  facts.rows.push_back({"kind", e.kind});
  facts.rows.push_back({"part of", chain.empty() ? "(independent)" : absl::StrJoin(chain, " → ")});
  facts.rows.push_back(
      {"affiliates", affiliates.empty() ? "(none)" : absl::StrJoin(m->Names(affiliates), ", ")});
  const NodeId counted = r.rollup_affiliates && m->top_parent_of.count(id) ? m->top_parent_of.at(id) : id;
  const auto own = m->consortia_of.find(counted);
  facts.rows.push_back({"consortia counted",
                        std::to_string(own == m->consortia_of.end() ? 0 : own->second.size()) +
                            (counted != id ? " (as part of " + m->name(counted) + ")" : "")});
  report.sections.push_back(std::move(facts));

  // Memberships of the organisation and of each affiliate, with their roles.
  html::Table consortia{"Consortia", {"consortium", "role", "via"}, {}};
  std::vector<NodeId> holders = {id};
  holders.insert(holders.end(), affiliates.begin(), affiliates.end());
  for (NodeId holder : holders) {
    absl::Status s = txn->ForEachRelationship(
        holder, Direction::kOutgoing, {"MEMBER_OF"}, [&](const Relationship& rel) {
          const Value& role = rel.Property("role");
          consortia.rows.push_back(
              {m->entities.count(rel.end) ? m->name(rel.end) : "#" + std::to_string(rel.end),
               role.type() == Value::Type::kString ? role.as_string() : "",
               holder == id ? "direct" : "affiliate " + m->name(holder)});
          return true;
        });
    if (!s.ok()) return s;
  }
  std::sort(consortia.rows.begin(), consortia.rows.end());
  report.sections.push_back(std::move(consortia));

  // Co-members: organisations sharing a consortium with it (as counted).
  std::map<NodeId, std::set<NodeId>> shared_with;
  if (own != m->consortia_of.end()) {
    for (NodeId c : own->second) {
      for (NodeId other : m->members_of.at(c)) {
        if (other != counted) shared_with[other].insert(c);
      }
    }
  }
  std::vector<std::pair<NodeId, std::set<NodeId>>> co(shared_with.begin(), shared_with.end());
  std::sort(co.begin(), co.end(), [&](const auto& a, const auto& b) {
    return a.second.size() != b.second.size() ? a.second.size() > b.second.size()
                                              : m->name(a.first) < m->name(b.first);
  });
  html::Table co_members{"Co-members (" + std::to_string(co.size()) + ")",
                         {"organisation", "shared", "consortia"},
                         {}};
  for (const auto& [other, cs] : co) {
    co_members.rows.push_back(
        {m->name(other), std::to_string(cs.size()), absl::StrJoin(m->Names(cs), ", ")});
  }
  report.sections.push_back(std::move(co_members));

  auto scores = ComputeMembershipScores(db, r.rollup_affiliates, r.query_options);
  if (!scores.ok()) return scores.status();
  std::vector<NodeId> organisations;
  for (const auto& [org, cs] : m->consortia_of) organisations.push_back(org);
  html::Table ranks{"Rank among " + std::to_string(organisations.size()) + " member organisations",
                    {"measure", "score", "rank"},
                    {}};
  html::BarChart percentile{"Standing in each measure (100 = first)", "percentile", {}, 0};
  for (const Measure& x : MembershipMeasures()) {
    const size_t rank = scores->Rank(x.key, counted, organisations);
    if (rank == 0) {
      ranks.rows.push_back({x.title, "n/a", "n/a"});
      continue;
    }
    ranks.rows.push_back({x.title, FormatScore(scores->by_measure.at(x.key).at(counted)),
                          std::to_string(rank) + " of " + std::to_string(organisations.size())});
    percentile.items.push_back(
        {x.title, 100.0 * static_cast<double>(organisations.size() - rank + 1) /
                      static_cast<double>(organisations.size())});
  }
  report.sections.push_back(std::move(ranks));
  for (const std::string& note : scores->notes) {
    report.sections.push_back(html::Paragraph{"Note", note});
  }
  if (pictures) {
    report.sections.push_back(std::move(percentile));
    std::set<NodeId> drawn;
    if (own != m->consortia_of.end()) drawn = own->second;
    if (!drawn.empty()) {
      report.sections.push_back(MembershipDrawing(
          *m, scores->by_measure["twoModeBetweenness"], e.name + " and its consortia",
          "2-mode betweenness", drawn));
    }
  }
  return report;
}

}  // namespace alliance::tools

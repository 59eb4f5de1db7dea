// report brokers: who holds the alliance network together — articulation
// points and bridges of the membership graph, its k-core shells, and Burt's
// structural holes (effective size, constraint) on the organisation projection.
#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_join.h"
#include "alliance_membership.h"
#include "membership_drawing.h"
#include "membership_scores.h"
#include "report_builders.h"

namespace alliance::tools {
namespace {

std::string KindedName(const AllianceMembership& m, NodeId id) {
  const auto& e = m.entities.at(id);
  return e.name + (e.consortium ? " (consortium)" : "");
}

absl::StatusOr<std::map<NodeId, double>> ProjectedScores(Database& db, const char* procedure,
                                                         const ReportRequest& r) {
  auto rows = db.CallProcedure(
      procedure,
      {MembershipConfig(r.rollup_affiliates, {{"project", Value::String("Organisation")}})},
      r.query_options);
  if (!rows.ok()) return rows.status();
  std::map<NodeId, double> scores;
  for (const auto& row : rows->rows) scores[row[0].as_node().id] = row[1].as_double();
  return scores;
}

}  // namespace

absl::StatusOr<html::HtmlReport> BuildBrokersReport(Database& db, const ReportRequest& r,
                                                    bool pictures) {
  auto txn = db.BeginRead();
  auto m = ReadAllianceMembership(*txn, r.rollup_affiliates);
  if (!m.ok()) return m.status();
  const Value config = MembershipConfig(r.rollup_affiliates);
  html::HtmlReport report;
  report.title = "Alliance brokers";
  report.subtitle = "Who holds the alliance network together" +
                    std::string(r.rollup_affiliates ? "; affiliates counted as their parent" : "");

  auto cut = db.CallProcedure("algo.articulationPoints", {config}, r.query_options);
  if (!cut.ok()) return cut.status();
  html::Table cuts{"Articulation points: removing one splits the network (" +
                       std::to_string(cut->rows.size()) + ")",
                   {"node", "kind", "consortia"},
                   {}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : cut->rows) {
    const NodeId id = row[0].as_node().id;
    const auto& e = m->entities.at(id);
    const auto it = m->consortia_of.find(id);
    rows.push_back({e.name, e.consortium ? "consortium" : e.kind,
                    it == m->consortia_of.end() ? "" : absl::StrJoin(m->Names(it->second), ", ")});
  }
  std::sort(rows.begin(), rows.end());
  cuts.rows = std::move(rows);

  auto bridges = db.CallProcedure("algo.bridges", {config}, r.query_options);
  if (!bridges.ok()) return bridges.status();
  // A member of one consortium hangs off it by a bridge that cuts off only itself;
  // those are counted, and the bridges that split larger parts are listed.
  size_t pendant = 0;
  html::Table bridge_table{"", {"organisation", "consortium"}, {}};
  for (const auto& row : bridges->rows) {
    NodeId a = row[0].as_node().id, b = row[1].as_node().id;
    if (m->entities.at(a).consortium) std::swap(a, b);
    const auto of = m->consortia_of.find(a);
    if (of != m->consortia_of.end() && of->second.size() == 1) {
      ++pendant;
      continue;
    }
    bridge_table.rows.push_back({KindedName(*m, a), m->name(b)});
  }
  std::sort(bridge_table.rows.begin(), bridge_table.rows.end());
  bridge_table.caption = "Bridges: memberships whose loss splits the network (" +
                         std::to_string(bridge_table.rows.size()) + "; " +
                         std::to_string(pendant) +
                         " more tie an organisation to its only consortium)";

  auto cores = db.CallProcedure("algo.kCore", {config}, r.query_options);
  if (!cores.ok()) return cores.status();
  std::map<int64_t, std::vector<std::string>, std::greater<>> shells;
  for (const auto& row : cores->rows) {
    shells[row[1].as_int()].push_back(KindedName(*m, row[0].as_node().id));
  }
  html::Table shell_table{"k-core shells: the innermost shell is the densest core",
                          {"core", "nodes", "members"},
                          {}};
  for (auto& [k, names] : shells) {
    std::sort(names.begin(), names.end());
    shell_table.rows.push_back({std::to_string(k), std::to_string(names.size()),
                                absl::StrJoin(names, ", ")});
  }

  auto effective = ProjectedScores(db, "algo.effectiveSize", r);
  if (!effective.ok()) return effective.status();
  auto constraint = ProjectedScores(db, "algo.constraint", r);
  if (!constraint.ok()) return constraint.status();
  std::vector<NodeId> organisations;
  for (const auto& [id, size] : *effective) organisations.push_back(id);
  // Isolated organisations have no effective size (NaN, as in NetworkX): last.
  auto size_of = [&](NodeId id) {
    const double x = effective->at(id);
    return std::isnan(x) ? -std::numeric_limits<double>::infinity() : x;
  };
  std::sort(organisations.begin(), organisations.end(), [&](NodeId a, NodeId b) {
    const double x = size_of(a), y = size_of(b);
    if (x != y) return x > y;
    return m->name(a) < m->name(b);
  });
  html::Table holes{"Structural holes on the organisation projection: large effective size and "
                    "low constraint mark brokers",
                    {"#", "organisation", "effective size", "constraint", "consortia"},
                    {}};
  for (size_t i = 0; i < organisations.size() && i < static_cast<size_t>(r.top); ++i) {
    const NodeId id = organisations[i];
    const auto c = constraint->find(id);
    const auto of = m->consortia_of.find(id);
    holes.rows.push_back({std::to_string(i + 1), m->name(id), FormatScore(effective->at(id)),
                          c == constraint->end() ? "n/a" : FormatScore(c->second),
                          of == m->consortia_of.end() ? "0" : std::to_string(of->second.size())});
  }

  report.sections.push_back(std::move(cuts));
  report.sections.push_back(std::move(bridge_table));
  report.sections.push_back(std::move(shell_table));
  report.sections.push_back(std::move(holes));
  if (pictures) {
    html::BarChart bars{"Effective size (structural holes) of the top brokers", "effective size",
                        {}, 15};
    for (const auto& [id, size] : *effective) {
      if (!std::isnan(size)) bars.items.push_back({m->name(id), size});
    }
    report.sections.push_back(std::move(bars));
    report.sections.push_back(MembershipDrawing(
        *m, *effective, "The alliance network, organisations sized by effective size",
        "effective size"));
  }
  return report;
}

}  // namespace alliance::tools

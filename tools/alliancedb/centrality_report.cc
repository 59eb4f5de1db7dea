// report centrality: the top organisations by every centrality measure of the
// membership graph, its two-mode normalisation and the organisation projection.
#include <algorithm>
#include <optional>

#include "alliance_membership.h"
#include "membership_drawing.h"
#include "membership_scores.h"
#include "report_builders.h"

namespace alliance::tools {

absl::StatusOr<html::HtmlReport> BuildCentralityReport(Database& db, const ReportRequest& r,
                                                       bool pictures) {
  auto txn = db.BeginRead();
  auto m = ReadAllianceMembership(*txn, r.rollup_affiliates);
  if (!m.ok()) return m.status();
  auto scores = ComputeMembershipScores(db, r.rollup_affiliates, r.query_options);
  if (!scores.ok()) return scores.status();
  const std::vector<Measure>& measures = MembershipMeasures();
  auto by = std::find_if(measures.begin(), measures.end(),
                         [&](const Measure& x) { return x.key == r.by; });
  if (by == measures.end()) return absl::InvalidArgumentError("unknown measure '" + r.by + "'");
  const auto ranking = scores->by_measure.find(r.by);
  if (ranking == scores->by_measure.end()) {
    return absl::FailedPreconditionError("cannot rank by " + by->title + ": " +
                                         (scores->notes.empty() ? "" : scores->notes.front()));
  }

  std::vector<NodeId> organisations;
  for (const auto& [org, consortia] : m->consortia_of) organisations.push_back(org);
  auto score = [&](const std::string& key, NodeId id) -> std::optional<double> {
    auto column = scores->by_measure.find(key);
    if (column == scores->by_measure.end()) return std::nullopt;
    auto it = column->second.find(id);
    if (it == column->second.end()) return std::nullopt;
    return it->second;
  };
  std::stable_sort(organisations.begin(), organisations.end(), [&](NodeId a, NodeId b) {
    const double x = score(r.by, a).value_or(-1), y = score(r.by, b).value_or(-1);
    return x != y ? x > y : m->name(a) < m->name(b);
  });
  if (organisations.size() > static_cast<size_t>(r.top)) organisations.resize(r.top);

  html::HtmlReport report;
  report.title = "Alliance centrality";
  report.subtitle = "Top " + std::to_string(organisations.size()) + " organisations by " +
                    by->title + " of " + std::to_string(m->consortia_of.size()) +
                    " member organisations" +
                    (r.rollup_affiliates ? "; affiliates counted as their parent" : "");
  // Two tables so each fits a terminal: the membership graph taken as one
  // graph, then the two-mode and projected views.
  const std::vector<std::vector<std::string>> groups = {
      {"degree", "betweenness", "pageRank", "eigenvector"},
      {"twoModeDegree", "twoModeBetweenness", "twoModeCloseness", "projectedDegree",
       "projectedBetweenness"}};
  const char* captions[] = {"Membership graph (organisations and consortia as one network)",
                            "Two-mode (Borgatti-Everett) and organisation projection"};
  for (size_t g = 0; g < groups.size(); ++g) {
    html::Table table{captions[g], {"#", "organisation"}, {}};
    if (g == 0) table.header.push_back("consortia");
    for (const std::string& key : groups[g]) {
      for (const Measure& x : measures) {
        if (x.key == key) table.header.push_back(x.title);
      }
    }
    for (size_t i = 0; i < organisations.size(); ++i) {
      const NodeId id = organisations[i];
      std::vector<std::string> row = {std::to_string(i + 1), m->name(id)};
      if (g == 0) row.push_back(std::to_string(m->consortia_of.at(id).size()));
      for (const std::string& key : groups[g]) {
        const auto s = score(key, id);
        row.push_back(s ? FormatScore(*s) : "n/a");
      }
      table.rows.push_back(std::move(row));
    }
    report.sections.push_back(std::move(table));
  }
  for (const std::string& note : scores->notes) {
    report.sections.push_back(html::Paragraph{"Note", note});
  }
  if (pictures) {
    std::vector<std::string> charted = {r.by};
    if (r.by != "pageRank") charted.push_back("pageRank");
    for (const std::string& key : charted) {
      auto column = scores->by_measure.find(key);
      if (column == scores->by_measure.end()) continue;
      const std::string& title = std::find_if(measures.begin(), measures.end(),
                                              [&](const Measure& x) { return x.key == key; })
                                     ->title;
      html::BarChart bars{"Top organisations by " + title, title, {}, 15};
      for (const auto& [id, s] : column->second) {
        if (!m->entities.at(id).consortium) bars.items.push_back({m->name(id), s});
      }
      report.sections.push_back(std::move(bars));
    }
    report.sections.push_back(MembershipDrawing(*m, ranking->second,
                                                "The alliance network, sized by " + by->title,
                                                by->title));
  }
  return report;
}

}  // namespace alliance::tools

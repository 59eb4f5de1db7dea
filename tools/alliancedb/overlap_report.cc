// report overlap: the consortium x consortium shared-member matrix (with
// Jaccard, from the engine's algo.overlap) and the organisations shared
// across consortia.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_join.h"
#include "alliance_membership.h"
#include "membership_drawing.h"
#include "membership_scores.h"
#include "report_builders.h"

namespace alliance::tools {
namespace {

struct Pair {
  NodeId a = 0, b = 0;
  std::vector<std::string> members;
  double jaccard = 0;
};

// Consortium pairs sharing members, most shared first.
absl::StatusOr<std::vector<Pair>> SharingPairs(Database& db, const AllianceMembership& m,
                                               const ReportRequest& r) {
  auto overlap = db.CallProcedure(
      "algo.overlap",
      {MembershipConfig(r.rollup_affiliates, {{"listShared", Value::Int(100000)}})},
      r.query_options);
  if (!overlap.ok()) return overlap.status();
  std::vector<Pair> pairs;
  for (const auto& row : overlap->rows) {  // a, b, shared, jaccard, overlap, cosine, sharedMembers
    Pair p{row[0].as_node().id, row[1].as_node().id, {}, row[3].as_double()};
    if (m.name(p.b) < m.name(p.a)) std::swap(p.a, p.b);
    for (const Value& member : row[6].as_list()) p.members.push_back(m.name(member.as_node().id));
    std::sort(p.members.begin(), p.members.end());
    pairs.push_back(std::move(p));
  }
  std::sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
    return x.members.size() != y.members.size()
               ? x.members.size() > y.members.size()
               : std::make_tuple(m.name(x.a), m.name(x.b)) < std::make_tuple(m.name(y.a), m.name(y.b));
  });
  return pairs;
}

}  // namespace

absl::StatusOr<html::HtmlReport> BuildOverlapReport(Database& db, const ReportRequest& r,
                                                    bool pictures) {
  auto txn = db.BeginRead();
  auto m = ReadAllianceMembership(*txn, r.rollup_affiliates);
  if (!m.ok()) return m.status();
  html::HtmlReport report;
  report.title = "Alliance overlap";
  report.subtitle = std::to_string(m->consortia.size()) + " consortia, " +
                    std::to_string(m->consortia_of.size()) + " member organisations" +
                    (r.rollup_affiliates ? "; affiliates counted as their parent" : "");

  struct Shared {
    NodeId id;
    std::vector<std::string> consortia;
  };
  std::vector<Shared> shared;
  for (const auto& [org, consortia] : m->consortia_of) {
    if (static_cast<int>(consortia.size()) >= r.min_consortia) {
      shared.push_back({org, m->Names(consortia)});
    }
  }
  std::sort(shared.begin(), shared.end(), [&](const Shared& a, const Shared& b) {
    return a.consortia.size() != b.consortia.size() ? a.consortia.size() > b.consortia.size()
                                                    : m->name(a.id) < m->name(b.id);
  });
  html::Table orgs{"Organisations in " + std::to_string(r.min_consortia) +
                       " or more consortia: " + std::to_string(shared.size()),
                   {"organisation", "consortia", "which"},
                   {}};
  for (const Shared& s : shared) {
    orgs.rows.push_back(
        {m->name(s.id), std::to_string(s.consortia.size()), absl::StrJoin(s.consortia, ", ")});
  }

  auto pairs = SharingPairs(db, *m, r);
  if (!pairs.ok()) return pairs.status();
  html::Table table{"Consortium pairs sharing members: " + std::to_string(pairs->size()),
                    {"consortium", "consortium", "shared", "members", "jaccard"},
                    {}};
  for (const Pair& p : *pairs) {
    table.rows.push_back({m->name(p.a), m->name(p.b), std::to_string(p.members.size()),
                          absl::StrJoin(p.members, ", "), FormatScore(p.jaccard)});
  }

  // The matrix: members shared off the diagonal, each consortium's size on it.
  html::Heatmap heatmap;
  heatmap.caption = "Members shared between consortia (diagonal: consortium size)";
  const size_t c = m->consortia.size();
  heatmap.values.assign(c, std::vector<double>(c, 0));
  heatmap.secondary.assign(c, std::vector<double>(c, 0));
  std::map<NodeId, size_t> index;
  for (size_t i = 0; i < c; ++i) {
    index[m->consortia[i]] = i;
    heatmap.labels.push_back(m->name(m->consortia[i]));
    auto it = m->members_of.find(m->consortia[i]);
    heatmap.values[i][i] = it == m->members_of.end() ? 0 : static_cast<double>(it->second.size());
    heatmap.secondary[i][i] = 1;
  }
  for (const Pair& p : *pairs) {
    const size_t i = index.at(p.a), j = index.at(p.b);
    heatmap.values[i][j] = heatmap.values[j][i] = static_cast<double>(p.members.size());
    heatmap.secondary[i][j] = heatmap.secondary[j][i] = p.jaccard;
  }

  report.sections.push_back(std::move(orgs));
  report.sections.push_back(std::move(table));
  report.sections.push_back(std::move(heatmap));
  if (pictures) {
    auto scores = ComputeMembershipScores(db, r.rollup_affiliates, r.query_options);
    if (!scores.ok()) return scores.status();
    const auto& betweenness = scores->by_measure["twoModeBetweenness"];
    html::BarChart bars{"Top organisations by two-mode betweenness", "2-mode betweenness", {}, 10};
    for (const auto& [id, score] : betweenness) {
      if (!m->entities.at(id).consortium) bars.items.push_back({m->name(id), score});
    }
    report.sections.push_back(std::move(bars));
    report.sections.push_back(MembershipDrawing(
        *m, betweenness, "The alliance network: organisations and consortia",
        "2-mode betweenness"));
  }
  return report;
}

}  // namespace alliance::tools

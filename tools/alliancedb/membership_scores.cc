#include "membership_scores.h"

namespace alliance::tools {

const std::vector<Measure>& MembershipMeasures() {
  static const auto* measures = new std::vector<Measure>{
      {"degree", "degree", "algo.degree"},
      {"betweenness", "betweenness", "algo.betweenness"},
      {"pageRank", "PageRank", "algo.pageRank"},
      {"eigenvector", "eigenvector", "algo.eigenvector"},
      {"twoModeDegree", "2-mode degree", "algo.twoMode.degree"},
      {"twoModeBetweenness", "2-mode betweenness", "algo.twoMode.betweenness"},
      {"twoModeCloseness", "2-mode closeness", "algo.twoMode.closeness"},
      {"projectedDegree", "projected strength", "algo.degree"},
      {"projectedBetweenness", "projected betweenness", "algo.betweenness"},
  };
  return *measures;
}

Value MembershipConfig(bool roll_up, std::vector<std::pair<std::string, Value>> extra) {
  Value::Map config;
  config.emplace("nodeLabels",
                 Value::MakeList({Value::String("Organisation"), Value::String("Consortium")}));
  config.emplace("relationshipTypes", Value::MakeList({Value::String("MEMBER_OF")}));
  if (roll_up) config.emplace("rollUp", Value::String("PART_OF"));
  for (auto& [key, value] : extra) config.emplace(key, std::move(value));
  return Value::MakeMap(std::move(config));
}

size_t MembershipScores::Rank(const std::string& measure, NodeId node,
                              const std::vector<NodeId>& candidates) const {
  auto it = by_measure.find(measure);
  if (it == by_measure.end() || !it->second.count(node)) return 0;
  const double mine = it->second.at(node);
  size_t better = 0;
  for (NodeId c : candidates) {
    auto s = it->second.find(c);
    if (s != it->second.end() && s->second > mine) ++better;
  }
  return better + 1;
}

absl::StatusOr<MembershipScores> ComputeMembershipScores(Database& db, bool roll_up,
                                                         const QueryOptions& options) {
  MembershipScores scores;
  for (const Measure& m : MembershipMeasures()) {
    std::vector<std::pair<std::string, Value>> extra;
    if (m.key == "projectedDegree") {
      // Strength: the consortia an organisation shares, summed over its ties.
      extra = {{"project", Value::String("Organisation")},
               {"projectionWeighted", Value::Bool(true)},
               {"normalized", Value::Bool(false)}};
    } else if (m.key == "projectedBetweenness") {
      extra = {{"project", Value::String("Organisation")}};
    }
    auto rows = db.CallProcedure(m.procedure, {MembershipConfig(roll_up, std::move(extra))},
                                 options);
    if (!rows.ok()) {
      // One measure failing (eigenvector not converging) leaves the others.
      if (absl::IsFailedPrecondition(rows.status())) {
        scores.notes.push_back(m.title + ": " + std::string(rows.status().message()));
        continue;
      }
      return rows.status();
    }
    auto& column = scores.by_measure[m.key];
    for (const auto& row : rows->rows) {
      const Value& score = row[1];
      column[row[0].as_node().id] = score.type() == Value::Type::kInt
                                        ? static_cast<double>(score.as_int())
                                        : score.as_double();
    }
  }
  return scores;
}

}  // namespace alliance::tools

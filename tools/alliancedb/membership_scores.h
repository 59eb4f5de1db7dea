// MembershipScores: every centrality measure the reports rank by, computed by
// the engine's analytics procedures on the two-mode membership graph
// (Organisation -MEMBER_OF-> Consortium) and on its organisation projection.
#ifndef ALLIANCE_TOOLS_MEMBERSHIP_SCORES_H_
#define ALLIANCE_TOOLS_MEMBERSHIP_SCORES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/database.h"

namespace alliance::tools {

struct Measure {
  std::string key;    // as --by takes it, e.g. "twoModeBetweenness"
  std::string title;  // column heading, e.g. "2-mode betweenness"
  std::string procedure;
};

// In report order.
const std::vector<Measure>& MembershipMeasures();

struct MembershipScores {
  std::map<std::string, std::map<NodeId, double>> by_measure;  // measure key -> node -> score
  // Measures that could not be computed, with the engine's reason (e.g.
  // eigenvector centrality not converging); their columns show n/a.
  std::vector<std::string> notes;

  // 1-based rank of `node` among `candidates` by `measure` (ties share the
  // better rank); 0 when the measure is missing.
  size_t Rank(const std::string& measure, NodeId node, const std::vector<NodeId>& candidates) const;
};

// The procedures' configuration selecting the membership graph; `roll_up`
// folds affiliates into their top-level parent through PART_OF.
Value MembershipConfig(bool roll_up, std::vector<std::pair<std::string, Value>> extra = {});

absl::StatusOr<MembershipScores> ComputeMembershipScores(Database& db, bool roll_up,
                                                         const QueryOptions& options = {});

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_MEMBERSHIP_SCORES_H_

// AllianceMembership: who belongs to which consortium, read once from a
// database for the reports: organisations and consortia with their names and
// kinds, leads, PART_OF parents, and memberships — optionally with affiliates
// rolled up into their top-level parent, as analysts count "the same group".
#ifndef ALLIANCE_TOOLS_ALLIANCE_MEMBERSHIP_H_
#define ALLIANCE_TOOLS_ALLIANCE_MEMBERSHIP_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/transaction.h"

namespace alliance::tools {

struct AllianceMembership {
  struct Entity {
    NodeId id = 0;
    std::string name;
    std::string name_ko;
    std::string kind;
    bool consortium = false;
  };
  std::map<NodeId, Entity> entities;  // every Organisation and Consortium
  std::vector<NodeId> consortia;      // ordered by name
  // Organisation -> consortia, and back; rolled up when asked for.
  std::map<NodeId, std::set<NodeId>> consortia_of;
  std::map<NodeId, std::set<NodeId>> members_of;
  std::map<NodeId, std::set<NodeId>> leads_of;  // consortium -> its lead(s)
  std::map<NodeId, NodeId> parent_of;           // direct PART_OF parent
  std::map<NodeId, NodeId> top_parent_of;       // end of the PART_OF chain
  bool rolled_up = false;

  const std::string& name(NodeId id) const { return entities.at(id).name; }
  // "KAIST", or "고려대학교 의료원 (Korea University Medical Center)" style
  // labels are left to callers; this is the plain name list of a set.
  std::vector<std::string> Names(const std::set<NodeId>& ids) const;
  // The organisation or consortium known by `name` (name, name_ko or alias).
  absl::StatusOr<NodeId> Find(const Transaction& txn, const std::string& label,
                              const std::string& name) const;
};

absl::StatusOr<AllianceMembership> ReadAllianceMembership(const Transaction& txn, bool roll_up);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_ALLIANCE_MEMBERSHIP_H_

#include "alliance_membership.h"

#include <algorithm>

#include "absl/strings/str_join.h"

namespace alliance::tools {
namespace {

std::string StringProperty(const Node& n, const std::string& key) {
  const Value& v = n.Property(key);
  return v.type() == Value::Type::kString ? v.as_string() : std::string();
}

}  // namespace

std::vector<std::string> AllianceMembership::Names(const std::set<NodeId>& ids) const {
  std::vector<std::string> names;
  for (NodeId id : ids) names.push_back(name(id));
  std::sort(names.begin(), names.end());
  return names;
}

absl::StatusOr<NodeId> AllianceMembership::Find(const Transaction& txn, const std::string& label,
                                                const std::string& name) const {
  auto found = txn.FindNodesByName(label, name);
  if (!found.ok()) return found.status();
  if (found->size() == 1) return found->front().id;
  if (found->size() > 1) {
    return absl::InvalidArgumentError("'" + name + "' names " + std::to_string(found->size()) +
                                      " " + label + " nodes; use the full name");
  }
  std::vector<std::string> known;
  for (const auto& [id, e] : entities) {
    if (e.consortium == (label == "Consortium")) known.push_back(e.name);
  }
  std::sort(known.begin(), known.end());
  if (known.size() > 12) known.resize(12);
  return absl::NotFoundError("no " + label + " named '" + name + "'" +
                             (known.empty() ? "" : "; known: " + absl::StrJoin(known, ", ")) +
                             (known.size() == 12 ? ", ..." : ""));
}

absl::StatusOr<AllianceMembership> ReadAllianceMembership(const Transaction& txn, bool roll_up) {
  AllianceMembership m;
  m.rolled_up = roll_up;
  for (const char* label : {"Organisation", "Consortium"}) {
    const bool consortium = std::string(label) == "Consortium";
    absl::Status s = txn.ScanLabel(label, [&](const Node& n) {
      m.entities[n.id] = {n.id, StringProperty(n, "name"), StringProperty(n, "name_ko"),
                          StringProperty(n, "kind"), consortium};
      if (consortium) m.consortia.push_back(n.id);
      return true;
    });
    if (!s.ok()) return s;
  }
  std::sort(m.consortia.begin(), m.consortia.end(),
            [&](NodeId a, NodeId b) { return m.name(a) < m.name(b); });
  absl::Status inner;
  for (const auto& [id, e] : m.entities) {
    if (e.consortium) continue;
    inner = txn.ForEachRelationship(id, Direction::kOutgoing, {"PART_OF"},
                                    [&](const Relationship& r) {
                                      m.parent_of[id] = r.end;
                                      return false;  // one parent
                                    });
    if (!inner.ok()) return inner;
  }
  for (const auto& [child, parent] : m.parent_of) {
    NodeId top = parent;
    // Bounded by the organisation count, so a PART_OF cycle cannot loop forever.
    for (size_t steps = 0; m.parent_of.count(top) && steps < m.entities.size(); ++steps) {
      top = m.parent_of.at(top);
    }
    m.top_parent_of[child] = top;
  }
  for (NodeId c : m.consortia) {
    inner = txn.ForEachRelationship(c, Direction::kIncoming, {"MEMBER_OF"},
                                    [&](const Relationship& r) {
                                      if (!m.entities.count(r.start)) return true;
                                      NodeId org = r.start;
                                      if (roll_up && m.top_parent_of.count(org)) {
                                        org = m.top_parent_of.at(org);
                                      }
                                      m.consortia_of[org].insert(c);
                                      m.members_of[c].insert(org);
                                      const Value& role = r.Property("role");
                                      if (role.type() == Value::Type::kString &&
                                          role.as_string() == "lead") {
                                        m.leads_of[c].insert(org);
                                      }
                                      return true;
                                    });
    if (!inner.ok()) return inner;
  }
  return m;
}

}  // namespace alliance::tools

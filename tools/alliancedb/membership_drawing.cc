#include "membership_drawing.h"

#include <cstdio>

namespace alliance::tools {

std::string FormatScore(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

html::NetworkDrawing MembershipDrawing(const AllianceMembership& m,
                                       const std::map<NodeId, double>& size,
                                       const std::string& caption, const std::string& size_label,
                                       const std::set<NodeId>& only) {
  html::NetworkDrawing d;
  d.caption = caption;
  d.size_label = size_label;
  auto id_of = [](NodeId id) { return "n" + std::to_string(id); };
  auto score = [&](NodeId id) {
    auto it = size.find(id);
    return it == size.end() ? 0.0 : it->second;
  };
  std::set<NodeId> organisations;
  for (NodeId c : m.consortia) {
    if (!only.empty() && !only.count(c)) continue;
    d.nodes.push_back(
        {id_of(c), m.name(c), html::NodeKind::kConsortium, score(c), {m.name(c)}});
    if (auto it = m.members_of.find(c); it != m.members_of.end()) {
      for (NodeId o : it->second) {
        organisations.insert(o);
        d.edges.push_back({id_of(o), id_of(c)});
      }
    }
  }
  for (NodeId o : organisations) {
    std::vector<std::string> groups;
    for (NodeId c : m.consortia_of.at(o)) groups.push_back(m.name(c));
    d.nodes.push_back(
        {id_of(o), m.name(o), html::NodeKind::kOrganisation, score(o), std::move(groups)});
  }
  return d;
}

}  // namespace alliance::tools

// ExportedNodes: the nodes an export writes, with their labels, so that only
// relationships with both ends exported are written and a relationship can
// name its ends' labels (APOC's JSON does). About 12 bytes a node: ids in a
// sorted vector, each pointing at one of the distinct label sets.
#ifndef ALLIANCE_TOOLS_EXPORT_EXPORTED_NODES_H_
#define ALLIANCE_TOOLS_EXPORT_EXPORTED_NODES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "alliance/value.h"

namespace alliance::tools {

class ExportedNodes {
 public:
  // Each node once, in any order; then Seal() before any lookup.
  void Add(NodeId id, const std::vector<std::string>& labels);
  void Seal();

  // The node's labels, or null when it is not exported.
  const std::vector<std::string>* Labels(NodeId id) const;
  bool Contains(NodeId id) const { return Labels(id) != nullptr; }

  size_t size() const { return nodes_.size(); }
  // The ids in ascending order (after Seal()).
  template <typename Fn>
  void ForEachId(Fn&& fn) const {
    for (const auto& [id, labels] : nodes_) fn(id);
  }

 private:
  std::vector<std::pair<NodeId, uint32_t>> nodes_;  // id, index into label_sets_
  std::vector<std::vector<std::string>> label_sets_;
  absl::flat_hash_map<std::string, uint32_t> label_set_index_;  // labels joined by '\0'
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_EXPORTED_NODES_H_

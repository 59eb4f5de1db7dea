#include "exported_nodes.h"

#include <algorithm>

namespace alliance::tools {

void ExportedNodes::Add(NodeId id, const std::vector<std::string>& labels) {
  std::string key;
  for (const std::string& label : labels) {
    key += label;
    key += '\0';
  }
  auto [it, inserted] =
      label_set_index_.emplace(std::move(key), static_cast<uint32_t>(label_sets_.size()));
  if (inserted) label_sets_.push_back(labels);
  nodes_.emplace_back(id, it->second);
}

void ExportedNodes::Seal() { std::sort(nodes_.begin(), nodes_.end()); }

const std::vector<std::string>* ExportedNodes::Labels(NodeId id) const {
  auto it =
      std::lower_bound(nodes_.begin(), nodes_.end(), id,
                       [](const std::pair<NodeId, uint32_t>& e, NodeId v) { return e.first < v; });
  if (it == nodes_.end() || it->first != id) return nullptr;
  return &label_sets_[it->second];
}

}  // namespace alliance::tools

// Nodes and relationships as the API hands them out: plain values with their
// labels, type and properties by name.
#ifndef ALLIANCE_TYPES_H_
#define ALLIANCE_TYPES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "alliance/value.h"

namespace alliance {

using NodeId = uint64_t;
using RelationshipId = uint64_t;

// Which relationships of a node: those starting at it, ending at it, or both.
enum class Direction { kOutgoing, kIncoming, kBoth };

struct Node {
  NodeId id = 0;
  std::vector<std::string> labels;
  PropertyMap properties;

  bool HasLabel(std::string_view label) const;
  // The property's value, or null when absent.
  const Value& Property(std::string_view name) const;
};

struct Relationship {
  RelationshipId id = 0;
  NodeId start = 0;
  NodeId end = 0;
  std::string type;
  PropertyMap properties;

  const Value& Property(std::string_view name) const;
  // The node at the other end from `node`.
  NodeId Other(NodeId node) const { return node == start ? end : start; }
};

}  // namespace alliance

#endif  // ALLIANCE_TYPES_H_

// Directions of relationship traversal. Node, Relationship and Path are
// declared with Value (alliance/value.h), since query results hold them.
#ifndef ALLIANCE_TYPES_H_
#define ALLIANCE_TYPES_H_

#include "alliance/value.h"

namespace alliance {

// Which relationships of a node: those starting at it, ending at it, or both.
enum class Direction { kOutgoing, kIncoming, kBoth };

}  // namespace alliance

#endif  // ALLIANCE_TYPES_H_

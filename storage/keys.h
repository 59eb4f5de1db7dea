// Byte layouts of the keys in every column family. Fixed-width big-endian ids
// so that byte order equals numeric order and "all edges of node X" is a
// prefix scan.
//
// Grammar (DO NOT CHANGE: embedded in the on-disk data):
//   nodes:      node_id:u64
//   out:        src:u64 type:u32 dst:u64 edge_id:u64     -> EdgeRecord
//   in:         dst:u64 type:u32 src:u64 edge_id:u64     -> empty
//   label_idx:  label:u32 node_id:u64                    -> empty
//   unique_idx: label:u32 property:u32 ordered_value      -> node_id:u64
//   lookup_idx: label:u32 property:u32 ordered_value node_id:u64 -> empty
//   meta:       ASCII names (see MetaKey)
// ordered_value: type byte, then
//   bool: 0x00|0x01; int: big-endian with the sign bit flipped;
//   double: IEEE bits, sign-flipped (negatives inverted); string: bytes with
//   0x00 -> 0x00 0xFF, terminated by 0x00 0x01 (prefix-free, order-preserving).
#ifndef ALLIANCE_STORAGE_KEYS_H_
#define ALLIANCE_STORAGE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::storage {

using NodeId = uint64_t;
using EdgeId = uint64_t;

inline constexpr size_t kNodeKeySize = 8;
inline constexpr size_t kEdgeKeySize = 28;

void AppendU32(std::string& out, uint32_t v);
void AppendU64(std::string& out, uint64_t v);
uint32_t ReadU32(const char* p);
uint64_t ReadU64(const char* p);

std::string NodeKey(NodeId id);
absl::StatusOr<NodeId> DecodeNodeKey(std::string_view key);

// One relationship, as stored. `src`/`dst` follow the relationship's direction
// whichever column family it was read from.
struct EdgeKey {
  NodeId src = 0;
  uint32_t type = 0;
  NodeId dst = 0;
  EdgeId id = 0;

  std::string OutKey() const;  // key in `out`
  std::string InKey() const;   // key in `in`
  // The same keys into kEdgeKeySize bytes at `out`, for bulk writers that
  // make millions of them.
  void WriteOutKey(char* out) const;
  void WriteInKey(char* out) const;
  static absl::StatusOr<EdgeKey> DecodeOut(std::string_view key);
  static absl::StatusOr<EdgeKey> DecodeIn(std::string_view key);

  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

// Prefix of every `out` (or `in`) key of a node, optionally of one type.
std::string AdjacencyPrefix(NodeId node);
std::string AdjacencyPrefix(NodeId node, uint32_t type);

std::string LabelIndexKey(uint32_t label, NodeId node);
std::string LabelIndexPrefix(uint32_t label);

// Order-preserving encoding of a scalar value; lists are not index keys (each
// element is indexed on its own). Fails for null and lists.
absl::StatusOr<std::string> OrderedValue(const Value& v);
// The value an OrderedValue encoding starts with, and how many bytes it took;
// for messages about index keys (a duplicate unique key names its value).
absl::StatusOr<std::pair<Value, size_t>> DecodeOrderedValue(std::string_view bytes);
absl::StatusOr<std::string> UniqueIndexKey(uint32_t label, uint32_t property, const Value& v);
absl::StatusOr<std::string> LookupIndexPrefix(uint32_t label, uint32_t property, const Value& v);

// The increasing keys of the `meta` column family.
struct MetaKey {
  static constexpr std::string_view kFormatVersion = "format_version";
  static constexpr std::string_view kCatalog = "catalog";
  static constexpr std::string_view kNextNodeId = "next_node_id";
  static constexpr std::string_view kNextEdgeId = "next_edge_id";
};

// Smallest key greater than every key starting with `prefix` (an exclusive
// upper bound for a prefix scan); empty when there is none.
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_KEYS_H_

// ShardedKeyMap: text keys (file ids, unique-index keys) to node ids, split
// by hash into shards, so that an import fills the shards on every core at
// once (one thread per shard) and each shard is small enough to stay in cache
// while it is filled. The map holds views: the caller keeps the key text (in
// a few large buffers, not an allocation per key) as long as the map.
#ifndef ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_
#define ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "schema/str_cat.h"
#include "storage/keys.h"

namespace alliance::storage {

class ShardedKeyMap {
 public:
  static constexpr int kShards = 16;

  // The top bits of the hash choose the shard; the tables index by the low
  // ones, so a shard's keys still spread over its table.
  static uint8_t ShardOf(std::string_view key) {
    return static_cast<uint8_t>(absl::Hash<absl::string_view>{}(ToAbsl(key)) >> 60);
  }

  // Adds key -> node to shard `s` (which must be ShardOf(key)) unless the key
  // is there; returns the node the key maps to and whether it was added. One
  // thread per shard at a time; `key`'s text must outlive the map.
  std::pair<NodeId, bool> Insert(int s, std::string_view key, NodeId node) {
    auto [it, inserted] = shards_[s].try_emplace(ToAbsl(key), node);
    return {it->second, inserted};
  }

  // Room for `more` keys in shard `s`.
  void Reserve(int s, size_t more) { shards_[s].reserve(shards_[s].size() + more); }

  // Starts loading where `key` would be, for a Find a little later: a batch
  // of lookups then waits for memory once instead of once per key.
  void Prefetch(std::string_view key) const {
    shards_[ShardOf(key)].prefetch(ToAbsl(key));
  }

  const NodeId* Find(std::string_view key) const {
    const auto& table = shards_[ShardOf(key)];
    auto it = table.find(ToAbsl(key));
    return it == table.end() ? nullptr : &it->second;
  }

 private:
  static_assert(kShards == 16, "ShardOf takes the top four bits");
  std::array<absl::flat_hash_map<absl::string_view, NodeId>, kShards> shards_;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

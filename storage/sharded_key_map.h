// ShardedKeyMap: text keys (file ids, unique-index keys) to node ids, split
// by hash into shards, so that an import fills the shards on every core at
// once (one thread per shard) and each shard is small enough to stay in cache
// while it is filled.
#ifndef ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_
#define ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "schema/str_cat.h"
#include "storage/keys.h"

namespace alliance::storage {

class ShardedKeyMap {
 public:
  static constexpr int kShards = 16;
  using Shard = absl::flat_hash_map<std::string, NodeId>;

  // The top bits of the hash choose the shard; the tables index by the low
  // ones, so a shard's keys still spread over its table.
  static uint8_t ShardOf(std::string_view key) {
    return static_cast<uint8_t>(absl::Hash<absl::string_view>{}(ToAbsl(key)) >> 60);
  }

  Shard& shard(int s) { return shards_[s]; }

  // Starts loading where `key` would be, for a Find a little later: a batch
  // of lookups then waits for memory once instead of once per key.
  void Prefetch(std::string_view key) const { shards_[ShardOf(key)].prefetch(ToAbsl(key)); }

  const NodeId* Find(std::string_view key) const {
    const Shard& shard = shards_[ShardOf(key)];
    auto it = shard.find(ToAbsl(key));
    return it == shard.end() ? nullptr : &it->second;
  }

 private:
  static_assert(kShards == 16, "ShardOf takes the top four bits");
  std::array<Shard, kShards> shards_;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

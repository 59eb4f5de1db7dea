// ShardedKeyMap: text keys (file ids, unique-index keys) to node ids, split
// by hash into shards, so that an import fills the shards on every core at
// once (one thread per shard) and each shard is small enough to stay in cache
// while it is filled. Keys live in per-shard blocks: no allocation per key,
// and the map frees in a few calls however many keys it holds.
#ifndef ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_
#define ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

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
  // thread per shard at a time.
  std::pair<NodeId, bool> Insert(int s, std::string_view key, NodeId node) {
    // Keeping the text first costs a wasted copy for a duplicate (an error,
    // which ends the import) and saves a second lookup for every other key.
    Shard& shard = shards_[s];
    auto [it, inserted] = shard.table.try_emplace(shard.Keep(key), node);
    return {it->second, inserted};
  }

  // Room for `more` keys in shard `s`.
  void Reserve(int s, size_t more) { shards_[s].table.reserve(shards_[s].table.size() + more); }

  // Starts loading where `key` would be, for a Find a little later: a batch
  // of lookups then waits for memory once instead of once per key.
  void Prefetch(std::string_view key) const {
    shards_[ShardOf(key)].table.prefetch(ToAbsl(key));
  }

  const NodeId* Find(std::string_view key) const {
    const auto& table = shards_[ShardOf(key)].table;
    auto it = table.find(ToAbsl(key));
    return it == table.end() ? nullptr : &it->second;
  }

 private:
  static_assert(kShards == 16, "ShardOf takes the top four bits");
  struct Shard {
    absl::flat_hash_map<absl::string_view, NodeId> table;
    std::vector<std::unique_ptr<char[]>> blocks;
    size_t used = 0;
    size_t capacity = 0;

    // A copy of `key` that lives as long as the map.
    absl::string_view Keep(std::string_view key) {
      constexpr size_t kBlock = size_t{1} << 20;
      if (used + key.size() > capacity) {
        capacity = std::max(kBlock, key.size());
        blocks.push_back(std::make_unique<char[]>(capacity));
        used = 0;
      }
      char* at = blocks.back().get() + used;
      if (!key.empty()) std::memcpy(at, key.data(), key.size());
      used += key.size();
      return absl::string_view(at, key.size());
    }
  };
  std::array<Shard, kShards> shards_;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_SHARDED_KEY_MAP_H_

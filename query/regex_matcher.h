// RegexMatcher: the pattern language of Cypher's `=~`, matched by a
// Thompson-NFA (Pike) machine in O(pattern x text) time without recursion,
// and RegexCache, the per-statement cache of compiled patterns.
//
//   std::string error;
//   auto re = RegexMatcher::Compile("(?i)ka.*", &error);
//   bool yes = re != nullptr && re->FullMatch("KAIST");
#ifndef ALLIANCE_QUERY_REGEX_MATCHER_H_
#define ALLIANCE_QUERY_REGEX_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"

namespace alliance::query {

class RegexMatcher {
 public:
  // nullptr with `error` set when the pattern is malformed or unsupported.
  static std::unique_ptr<RegexMatcher> Compile(std::string_view pattern, std::string* error);
  ~RegexMatcher();

  // Whether the whole of `text` matches (like Java's String.matches).
  bool FullMatch(std::string_view text) const;

 private:
  struct Program;
  explicit RegexMatcher(std::unique_ptr<Program> program);
  std::unique_ptr<Program> program_;
};

// Compiled `=~` patterns: a pattern usually stays the same for every row.
class RegexCache {
 public:
  // The compiled pattern, or nullptr with `error` set.
  const RegexMatcher* Get(const std::string& pattern, std::string* error) {
    auto it = cache_.find(pattern);
    if (it != cache_.end()) return it->second.get();
    if (cache_.size() >= kMaxEntries) cache_.clear();  // patterns that differ per row
    std::unique_ptr<RegexMatcher> program = RegexMatcher::Compile(pattern, error);
    if (program == nullptr) return nullptr;
    const RegexMatcher* out = program.get();
    cache_.emplace(pattern, std::move(program));
    return out;
  }

 private:
  static constexpr size_t kMaxEntries = 1000;
  absl::flat_hash_map<std::string, std::unique_ptr<RegexMatcher>> cache_;
};


}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_REGEX_MATCHER_H_

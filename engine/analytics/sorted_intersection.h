// Merging of sorted neighbour lists: the one intersection routine behind clustering,
// structural holes, cliques, two-mode projection and overlap similarity.
#ifndef ALLIANCE_ENGINE_ANALYTICS_SORTED_INTERSECTION_H_
#define ALLIANCE_ENGINE_ANALYTICS_SORTED_INTERSECTION_H_

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace alliance::analytics {

// Calls fn(i) with the first position of each distinct value of a sorted range.
// Parallel arcs show up as repeated targets; set semantics want them once.
template <typename T, typename Fn>
void ForEachDistinct(std::span<const T> a, Fn&& fn) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (i == 0 || a[i] != a[i - 1]) fn(i);
  }
}

// Number of distinct values in a sorted range.
template <typename T>
size_t CountDistinct(std::span<const T> a) {
  size_t count = 0;
  ForEachDistinct(a, [&](size_t) { ++count; });
  return count;
}

// Calls fn(i, j) once per distinct value present in both sorted ranges, in ascending
// order, with i and j the positions of its first occurrence in a and in b (so callers
// can read the parallel weight arrays). A linear merge, O(|a| + |b|); when one range is
// far longer (a hub's neighbourhood against a small candidate set) the short one is
// looked up in the long one by binary search instead, O(short * log(long)).
template <typename T, typename Fn>
void ForEachCommon(std::span<const T> a, std::span<const T> b, Fn&& fn) {
  constexpr size_t kSearchRatio = 32;
  if (a.size() * kSearchRatio < b.size() || b.size() * kSearchRatio < a.size()) {
    const bool a_short = a.size() < b.size();
    const std::span<const T> small = a_short ? a : b, large = a_short ? b : a;
    auto from = large.begin();
    ForEachDistinct(small, [&](size_t s) {
      from = std::lower_bound(from, large.end(), small[s]);
      if (from == large.end() || *from != small[s]) return;
      const size_t l = static_cast<size_t>(from - large.begin());
      a_short ? fn(s, l) : fn(l, s);
    });
    return;
  }
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      const T value = a[i];
      fn(i, j);
      while (++i < a.size() && a[i] == value) {
      }
      while (++j < b.size() && b[j] == value) {
      }
    }
  }
}

// Number of distinct values present in both sorted ranges.
template <typename T>
size_t CountCommon(std::span<const T> a, std::span<const T> b) {
  size_t count = 0;
  ForEachCommon(a, b, [&](size_t, size_t) { ++count; });
  return count;
}

// Replaces *out with the distinct values present in both sorted ranges, at most
// `limit` of them; returns how many there were in all.
template <typename T>
size_t IntersectInto(std::span<const T> a, std::span<const T> b, std::vector<T>* out,
                     size_t limit = static_cast<size_t>(-1)) {
  out->clear();
  size_t count = 0;
  ForEachCommon(a, b, [&](size_t i, size_t) {
    if (count++ < limit) out->push_back(a[i]);
  });
  return count;
}

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SORTED_INTERSECTION_H_

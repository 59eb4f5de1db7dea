#include "engine/analytics/sorted_intersection.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace alliance::analytics {
namespace {

using Positions = std::vector<std::pair<size_t, size_t>>;

Positions Common(const std::vector<int>& a, const std::vector<int>& b) {
  Positions out;
  ForEachCommon<int>(a, b, [&](size_t i, size_t j) { out.emplace_back(i, j); });
  return out;
}

// Repeated values (parallel arcs) are reported once, at their first positions.
TEST(SortedIntersectionTest, CommonValuesOnceAtFirstPositions) {
  EXPECT_EQ(Common({1, 2, 2, 5, 7}, {2, 2, 2, 3, 7, 7}), (Positions{{1, 0}, {4, 4}}));
  EXPECT_EQ(Common({}, {1, 2}), Positions{});
  EXPECT_EQ(Common({1, 3}, {2, 4}), Positions{});
  EXPECT_EQ(CountCommon<int>(std::vector<int>{1, 1, 2}, std::vector<int>{1, 2, 2}), 2u);
  EXPECT_EQ(CountDistinct<int>(std::vector<int>{4, 4, 4, 5}), 2u);
}

// A short range against a much longer one (the binary-search path) gives what the merge
// gives, with positions in the right order whichever side is short.
TEST(SortedIntersectionTest, SkewedSizesUseSearchWithSameResult) {
  std::vector<int> hub;
  for (int v = 0; v < 1000; ++v) hub.push_back(v / 2 * 3);  // each value twice
  const std::vector<int> small = {3, 3, 4, 6, 1497, 2000};
  EXPECT_EQ(Common(small, hub), (Positions{{0, 2}, {3, 4}, {4, 998}}));
  EXPECT_EQ(Common(hub, small), (Positions{{2, 0}, {4, 3}, {998, 4}}));
}

// IntersectInto lists distinct common values up to a limit and counts them all.
TEST(SortedIntersectionTest, IntersectIntoCapsTheList) {
  std::vector<int> out = {99};
  EXPECT_EQ(IntersectInto<int>(std::vector<int>{1, 2, 3, 4}, std::vector<int>{2, 3, 4}, &out, 2),
            3u);
  EXPECT_EQ(out, (std::vector<int>{2, 3}));
}

}  // namespace
}  // namespace alliance::analytics

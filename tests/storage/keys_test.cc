#include "storage/keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

namespace alliance::storage {
namespace {

// Property-style: random ids round-trip, and byte order equals numeric order.
TEST(KeysTest, NodeKeysRoundTripAndSortById) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    NodeId a = rng(), b = rng() >> (rng() % 64);
    EXPECT_EQ(*DecodeNodeKey(NodeKey(a)), a);
    EXPECT_EQ(NodeKey(a) < NodeKey(b), a < b) << a << " " << b;
  }
}

TEST(KeysTest, EdgeKeysRoundTripInBothDirections) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 2000; ++i) {
    EdgeKey e{rng(), static_cast<uint32_t>(rng()), rng(), rng()};
    EXPECT_EQ(*EdgeKey::DecodeOut(e.OutKey()), e);
    EXPECT_EQ(*EdgeKey::DecodeIn(e.InKey()), e);
    EXPECT_TRUE(e.OutKey().starts_with(AdjacencyPrefix(e.src, e.type)));
    EXPECT_TRUE(e.InKey().starts_with(AdjacencyPrefix(e.dst, e.type)));
  }
  EXPECT_FALSE(EdgeKey::DecodeOut("short").ok());
}

// Edges of one node sort by (type, neighbour, id).
TEST(KeysTest, OutKeysSortBySourceThenTypeThenTarget) {
  std::vector<EdgeKey> edges;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 500; ++i) {
    edges.push_back({rng() % 5, static_cast<uint32_t>(rng() % 3), rng() % 7, rng() % 11});
  }
  std::vector<EdgeKey> by_bytes = edges;
  std::sort(by_bytes.begin(), by_bytes.end(),
            [](const EdgeKey& a, const EdgeKey& b) { return a.OutKey() < b.OutKey(); });
  std::sort(edges.begin(), edges.end(), [](const EdgeKey& a, const EdgeKey& b) {
    return std::tie(a.src, a.type, a.dst, a.id) < std::tie(b.src, b.type, b.dst, b.id);
  });
  EXPECT_EQ(edges, by_bytes);
}

// The ordered value encoding preserves the order of ints, doubles and strings.
TEST(KeysTest, OrderedValuesPreserveOrder) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 2000; ++i) {
    int64_t a = static_cast<int64_t>(rng()), b = static_cast<int64_t>(rng() >> (rng() % 63));
    if (rng() & 1) b = -b;
    EXPECT_EQ(*OrderedValue(Value::Int(a)) < *OrderedValue(Value::Int(b)), a < b);
    double x = std::ldexp(static_cast<double>(a), -40), y = std::ldexp(static_cast<double>(b), -30);
    EXPECT_EQ(*OrderedValue(Value::Double(x)) < *OrderedValue(Value::Double(y)), x < y);
  }
  EXPECT_EQ(*OrderedValue(Value::Double(-0.0)), *OrderedValue(Value::Double(0.0)));
  const std::vector<std::string> words = {"", std::string("\0", 1), std::string("\0\0", 2),
                                          "a", std::string("a\0b", 3), "ab", "b", "카이스트"};
  for (const auto& p : words) {
    for (const auto& q : words) {
      EXPECT_EQ(*OrderedValue(Value::String(p)) < *OrderedValue(Value::String(q)), p < q);
      // Prefix-free: one encoded string never starts another.
      if (p != q) {
        EXPECT_FALSE(OrderedValue(Value::String(q))->starts_with(*OrderedValue(Value::String(p))));
      }
    }
  }
  EXPECT_FALSE(OrderedValue(Value()).ok());
  EXPECT_FALSE(OrderedValue(Value::MakeList({})).ok());
}

// Decoding an ordered value gives the value back and the bytes it spans, so a
// node id may follow it; truncated or foreign bytes are an error.
TEST(KeysTest, OrderedValuesDecodeBack) {
  const std::vector<Value> values = {
      Value::Bool(false), Value::Bool(true), Value::Int(0), Value::Int(-7),
      Value::Int(std::numeric_limits<int64_t>::min()), Value::Double(-2.5), Value::Double(1e300),
      Value::String(""), Value::String(std::string("a\0b\0", 4)), Value::String("카이스트")};
  for (const Value& v : values) {
    std::string bytes = *OrderedValue(v);
    const size_t size = bytes.size();
    AppendU64(bytes, 42);
    auto decoded = DecodeOrderedValue(bytes);
    ASSERT_TRUE(decoded.ok()) << v.ToString() << ": " << decoded.status();
    EXPECT_EQ(decoded->first, v) << v.ToString();
    EXPECT_EQ(decoded->first.type(), v.type());
    EXPECT_EQ(decoded->second, size) << v.ToString();
    EXPECT_FALSE(DecodeOrderedValue(std::string_view(bytes).substr(0, size - 1)).ok())
        << v.ToString();
  }
  EXPECT_FALSE(DecodeOrderedValue("").ok());
  EXPECT_FALSE(DecodeOrderedValue("\x7f").ok());
}

TEST(KeysTest, PrefixSuccessorBoundsAPrefixScan) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff", 2)), "");
}

}  // namespace
}  // namespace alliance::storage

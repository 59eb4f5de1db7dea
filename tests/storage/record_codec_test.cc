#include "storage/record_codec.h"

#include <gtest/gtest.h>

#include <random>

namespace alliance::storage {
namespace {

NodeRecordData Sample() {
  NodeRecordData n;
  n.labels = {1, 4};
  n.properties = {{0, Value::String("KAIST")},
                  {2, Value::Int(-5)},
                  {3, Value::Double(2.5)},
                  {5, Value::Bool(true)},
                  {7, Value::MakeList({Value::String("카이스트"), Value::String("K")})},
                  {9, Value::MakeList({Value::Int(1), Value::Int(2)})},
                  {10, Value::MakeList({})}};
  return n;
}

TEST(RecordCodecTest, NodeRecordRoundTrips) {
  NodeRecordData n = Sample();
  absl::StatusOr<NodeRecordData> back = DecodeNodeRecord(EncodeNodeRecord(n));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->labels, n.labels);
  ASSERT_EQ(back->properties.size(), n.properties.size());
  for (size_t i = 0; i < n.properties.size(); ++i) {
    EXPECT_EQ(back->properties[i].first, n.properties[i].first);
    EXPECT_EQ(back->properties[i].second, n.properties[i].second) << i;
  }
}

// One property is found by key without decoding the rest; absent is null.
TEST(RecordCodecTest, ReadsOnePropertyByKey) {
  const std::string bytes = EncodeNodeRecord(Sample());
  EXPECT_EQ(*ReadNodeProperty(bytes, 3), Value::Double(2.5));
  EXPECT_EQ(*ReadNodeProperty(bytes, 0), Value::String("KAIST"));
  EXPECT_TRUE(ReadNodeProperty(bytes, 4)->is_null());
  EXPECT_TRUE(ReadNodeProperty(bytes, 99)->is_null());
  EXPECT_EQ(*ReadNodeLabels(bytes), (std::vector<uint32_t>{1, 4}));
}

// Stored bytes may start at any address; decoding copies once into aligned memory.
TEST(RecordCodecTest, DecodesFromUnalignedBuffer) {
  const std::string bytes = EncodeNodeRecord(Sample());
  std::string shifted = "x" + bytes;
  EXPECT_EQ(*ReadNodeProperty(std::string_view(shifted).substr(1), 2), Value::Int(-5));
}

TEST(RecordCodecTest, EdgeRecordsRoundTripAndEmptyIsEmpty) {
  EXPECT_EQ(EncodeEdgeRecord({}), "");
  EXPECT_TRUE(DecodeEdgeRecord("")->empty());
  PropertyList props = {{1, Value::String("lead")}, {2, Value::Int(2025)}};
  absl::StatusOr<PropertyList> back = DecodeEdgeRecord(EncodeEdgeRecord(props));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->size(), 2u);
  EXPECT_EQ(*ReadEdgeProperty(EncodeEdgeRecord(props), 2), Value::Int(2025));
}

// Arbitrary bytes as a stored value give an error, never undefined behaviour.
TEST(RecordCodecTest, GarbageIsDataLossNotACrash) {
  std::mt19937 rng(1);
  const std::string good = EncodeNodeRecord(Sample());
  for (int i = 0; i < 3000; ++i) {
    std::string bytes = good;
    if (i % 3 == 0) bytes.resize(rng() % (bytes.size() + 1));
    for (int k = 0; k < 1 + i % 4; ++k) {
      if (!bytes.empty()) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    }
    (void)DecodeNodeRecord(bytes);
    (void)ReadNodeProperty(bytes, 7);
    (void)DecodeEdgeRecord(bytes);
  }
  EXPECT_EQ(DecodeNodeRecord("").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(DecodeNodeRecord("\x01\x02").status().code(), absl::StatusCode::kDataLoss);
}

TEST(RecordCodecTest, SortPropertiesDropsNulls) {
  PropertyList p = {{5, Value::Int(1)}, {1, Value()}, {2, Value::Bool(false)}};
  SortProperties(p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].first, 2u);
  EXPECT_EQ(p[1].first, 5u);
}

}  // namespace
}  // namespace alliance::storage

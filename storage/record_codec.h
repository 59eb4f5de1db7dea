// Encodes node and edge records (labels, properties) as packed Cap'n Proto
// messages for the `nodes` and `out` column families, and reads them back:
// whole, or one property without decoding the others.
#ifndef ALLIANCE_STORAGE_RECORD_CODEC_H_
#define ALLIANCE_STORAGE_RECORD_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::storage {

// Properties keyed by property-key id, sorted by id, no nulls.
using PropertyList = std::vector<std::pair<uint32_t, Value>>;

struct NodeRecordData {
  std::vector<uint32_t> labels;  // sorted label ids
  PropertyList properties;
};

// `properties` must be sorted by key and free of nulls (SortProperties does it).
std::string EncodeNodeRecord(const NodeRecordData& node);
absl::StatusOr<NodeRecordData> DecodeNodeRecord(std::string_view bytes);

// Edges without properties are stored as an empty value.
std::string EncodeEdgeRecord(const PropertyList& properties);
absl::StatusOr<PropertyList> DecodeEdgeRecord(std::string_view bytes);

// One property of a stored node or edge record; null when absent. Decodes only
// that property (one aligned, unpacked copy of the record).
absl::StatusOr<Value> ReadNodeProperty(std::string_view bytes, uint32_t key);
absl::StatusOr<Value> ReadEdgeProperty(std::string_view bytes, uint32_t key);
// Labels only, without decoding properties.
absl::StatusOr<std::vector<uint32_t>> ReadNodeLabels(std::string_view bytes);

// Sorts by key and drops nulls.
void SortProperties(PropertyList& properties);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_RECORD_CODEC_H_

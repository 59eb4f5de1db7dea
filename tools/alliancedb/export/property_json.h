// Stored property values as JSON and back: the values of the APOC JSON Lines
// export and import, and the text of list-valued attributes in GraphML, GEXF
// and DOT. Only what storage holds is accepted (booleans, 64-bit integers,
// doubles, strings and lists of these), so nothing is silently reshaped.
//
//   absl::StatusOr<nlohmann::ordered_json> j = PropertyToJson(Value::Int(2025));
#ifndef ALLIANCE_TOOLS_EXPORT_PROPERTY_JSON_H_
#define ALLIANCE_TOOLS_EXPORT_PROPERTY_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::tools {

// Doubles always read back as doubles (2.0 is written "2.0"); NaN and the
// infinities have no JSON form and are refused rather than written as null.
absl::StatusOr<nlohmann::ordered_json> PropertyToJson(const Value& value);
absl::StatusOr<nlohmann::ordered_json> PropertiesToJson(const PropertyMap& properties);

// JSON integers become ints, other numbers doubles; objects, nested lists and
// integers beyond 64 bits are refused. A null stays null (an absent property).
absl::StatusOr<Value> PropertyFromJson(const nlohmann::ordered_json& json);

// Compact one-line text; never throws (the strings are valid UTF-8 already).
std::string DumpJson(const nlohmann::ordered_json& json);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_PROPERTY_JSON_H_

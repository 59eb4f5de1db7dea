// Numbers in Cypher values: Integer and Float both count, and mixed arithmetic
// and comparisons read either as a double.
#ifndef ALLIANCE_QUERY_VALUE_NUMBERS_H_
#define ALLIANCE_QUERY_VALUE_NUMBERS_H_

#include "alliance/value.h"

namespace alliance::query {

inline bool IsNumber(const Value& v) {
  return v.type() == Value::Type::kInt || v.type() == Value::Type::kDouble;
}

inline double AsDouble(const Value& v) {
  return v.type() == Value::Type::kInt ? static_cast<double>(v.as_int()) : v.as_double();
}

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_VALUE_NUMBERS_H_

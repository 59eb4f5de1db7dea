// Values as written in openCypher TCK result and parameter tables, with the TCK's equality, a
// total order for canonicalisation, and a printer whose output parses back to an equal value.
#ifndef ALLIANCE_TESTS_TCK_TCK_VALUE_H_
#define ALLIANCE_TESTS_TCK_TCK_VALUE_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"

namespace alliance::tck {

class TckValue;

using TckList = std::vector<TckValue>;
// Ordered by key so that map equality and printing do not depend on insertion order.
using TckMap = std::map<std::string, TckValue>;

// Graph entities carry no identity: the TCK compares them by labels/type and properties only.
struct TckNode {
  std::set<std::string> labels;
  TckMap properties;
};

struct TckRelationship {
  std::string type;
  TckMap properties;
};

struct TckPathHop {
  TckRelationship relationship;
  bool forward = true;  // `-[...]->` when true, `<-[...]-` when false.
  TckNode node;         // The node the hop arrives at.
};

struct TckPath {
  TckNode start;
  std::vector<TckPathHop> hops;
};

class TckValue {
 public:
  // The order of the alternatives is the cross-kind rank in the total order (see Compare).
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRelationship, kPath };

  TckValue() = default;  // null

  static TckValue Null() { return TckValue(); }
  static TckValue Bool(bool v) { return TckValue(Rep(std::in_place_index<1>, v)); }
  static TckValue Int(int64_t v) { return TckValue(Rep(std::in_place_index<2>, v)); }
  static TckValue Float(double v) { return TckValue(Rep(std::in_place_index<3>, v)); }
  static TckValue String(std::string v) {
    return TckValue(Rep(std::in_place_index<4>, std::move(v)));
  }
  static TckValue List(TckList v) { return TckValue(Rep(std::in_place_index<5>, std::move(v))); }
  static TckValue Map(TckMap v) { return TckValue(Rep(std::in_place_index<6>, std::move(v))); }
  static TckValue Node(TckNode v) { return TckValue(Rep(std::in_place_index<7>, std::move(v))); }
  static TckValue Relationship(TckRelationship v) {
    return TckValue(Rep(std::in_place_index<8>, std::move(v)));
  }
  static TckValue Path(TckPath v) { return TckValue(Rep(std::in_place_index<9>, std::move(v))); }

  Kind kind() const { return static_cast<Kind>(rep_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }

  // Precondition: kind() matches the accessor.
  bool AsBool() const { return std::get<1>(rep_); }
  int64_t AsInt() const { return std::get<2>(rep_); }
  double AsFloat() const { return std::get<3>(rep_); }
  const std::string& AsString() const { return std::get<4>(rep_); }
  const TckList& AsList() const { return std::get<5>(rep_); }
  const TckMap& AsMap() const { return std::get<6>(rep_); }
  const TckNode& AsNode() const { return std::get<7>(rep_); }
  const TckRelationship& AsRelationship() const { return std::get<8>(rep_); }
  const TckPath& AsPath() const { return std::get<9>(rep_); }
  TckList& MutableList() { return std::get<5>(rep_); }
  TckMap& MutableMap() { return std::get<6>(rep_); }
  TckNode& MutableNode() { return std::get<7>(rep_); }
  TckRelationship& MutableRelationship() { return std::get<8>(rep_); }
  TckPath& MutablePath() { return std::get<9>(rep_); }

 private:
  using Rep = std::variant<std::monostate, bool, int64_t, double, std::string, TckList, TckMap,
                           TckNode, TckRelationship, TckPath>;
  explicit TckValue(Rep rep) : rep_(std::move(rep)) {}

  Rep rep_;
};

// Parses one TCK value: null, true, false, integers, floats (`1.0`, `.5`, `1e-305`, `NaN`,
// `Inf`, `-Inf`), '...' strings (only \' and \\ are escapes), lists, maps, nodes `(:A {k: 1})`,
// relationships `[:T {k: 1}]` and paths `<(:A)-[:T]->(:B)<-[:U]-()>`. The input must already be
// Gherkin-unescaped. Surrounding whitespace is allowed; anything else left over is an error.
absl::StatusOr<TckValue> ParseTckValue(std::string_view text);

// Total order over all values, consistent with TCK equality: Compare(a, b) == 0 exactly when the
// TCK deems a and b equal. So NaN == NaN (NaN sorts after every other float), -0.0 == 0.0, an
// integer never equals a float, and values of different kinds order by Kind.
int Compare(const TckValue& a, const TckValue& b);

inline bool operator==(const TckValue& a, const TckValue& b) { return Compare(a, b) == 0; }
inline bool operator!=(const TckValue& a, const TckValue& b) { return Compare(a, b) != 0; }
inline bool operator<(const TckValue& a, const TckValue& b) { return Compare(a, b) < 0; }

// Sorts every list, at every depth (including inside maps, entity properties and paths), by
// Compare, so that two values equal up to list element order become equal. Used for the
// `(ignoring element order for lists)` result steps.
void Canonicalize(TckValue& value);

// TCK syntax; ParseTckValue(ToString(v)) == v for every v.
std::string ToString(const TckValue& value);

}  // namespace alliance::tck

#endif  // ALLIANCE_TESTS_TCK_TCK_VALUE_H_

// Value: a Cypher property value (null, bool, int64, double, UTF-8 string or a
// homogeneous list of these). The one vocabulary type shared by every layer.
//
//   alliance::Value v = alliance::Value::String("KAIST");
//   if (v.type() == alliance::Value::Type::kString) use(v.as_string());
#ifndef ALLIANCE_VALUE_H_
#define ALLIANCE_VALUE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace alliance {

class Value {
 public:
  using List = std::vector<Value>;

  // DO NOT CHANGE THESE ENUM VALUES: they are embedded in the on-disk data.
  enum class Type : uint8_t {
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kDouble = 3,
    kString = 4,
    kList = 5,
  };

  Value() = default;  // null
  static Value Bool(bool b) { return Value(Storage(std::in_place_index<1>, b)); }
  static Value Int(int64_t i) { return Value(Storage(std::in_place_index<2>, i)); }
  static Value Double(double d) { return Value(Storage(std::in_place_index<3>, d)); }
  static Value String(std::string s) {
    return Value(Storage(std::in_place_index<4>, std::move(s)));
  }
  static Value MakeList(List l) { return Value(Storage(std::in_place_index<5>, std::move(l))); }

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return v_.index() == 0; }

  // Accessors require the matching type().
  bool as_bool() const { return std::get<1>(v_); }
  int64_t as_int() const { return std::get<2>(v_); }
  double as_double() const { return std::get<3>(v_); }
  const std::string& as_string() const { return std::get<4>(v_); }
  const List& as_list() const { return std::get<5>(v_); }
  std::string& mutable_string() { return std::get<4>(v_); }
  List& mutable_list() { return std::get<5>(v_); }

  // Structural equality (int 1 and double 1.0 differ; used by storage and tests,
  // not Cypher's `=`, which the query layer defines).
  friend bool operator==(const Value& a, const Value& b) { return a.v_ == b.v_; }

  // Cypher-literal text: null, true, 42, 1.5, 'text', ['a', 'b'].
  std::string ToString() const;

 private:
  using Storage = std::variant<std::monostate, bool, int64_t, double, std::string, List>;
  explicit Value(Storage v) : v_(std::move(v)) {}
  Storage v_;
};

// Properties of a node or relationship, by property name.
using PropertyMap = std::map<std::string, Value, std::less<>>;

// Name of a type as users write it in schemas and CSV headers: "int", "string[]".
std::string_view TypeName(Value::Type type);

}  // namespace alliance

#endif  // ALLIANCE_VALUE_H_

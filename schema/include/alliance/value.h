// Value: any Cypher value. Stored properties are null, bool, int64, double,
// UTF-8 string or a homogeneous list of these; query results may also hold
// maps, nodes, relationships and paths. The one vocabulary type every layer
// shares.
//
//   alliance::Value v = alliance::Value::String("KAIST");
//   if (v.type() == alliance::Value::Type::kString) use(v.as_string());
#ifndef ALLIANCE_VALUE_H_
#define ALLIANCE_VALUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace alliance {

using NodeId = uint64_t;
using RelationshipId = uint64_t;

struct Node;
struct Relationship;
struct Path;

class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value, std::less<>>;

  // DO NOT CHANGE THESE ENUM VALUES: kNull..kList are embedded in the on-disk
  // data. The types after kList never reach storage.
  enum class Type : uint8_t {
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kDouble = 3,
    kString = 4,
    kList = 5,
    kMap = 6,
    kNode = 7,
    kRelationship = 8,
    kPath = 9,
  };

  Value() = default;  // null
  static Value Bool(bool b) { return Value(Storage(std::in_place_index<1>, b)); }
  static Value Int(int64_t i) { return Value(Storage(std::in_place_index<2>, i)); }
  static Value Double(double d) { return Value(Storage(std::in_place_index<3>, d)); }
  static Value String(std::string s) {
    return Value(Storage(std::in_place_index<4>, std::move(s)));
  }
  static Value MakeList(List l) { return Value(Storage(std::in_place_index<5>, std::move(l))); }
  static Value MakeMap(Map m);
  static Value MakeNode(Node n);
  static Value MakeRelationship(Relationship r);
  static Value MakePath(Path p);

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return v_.index() == 0; }

  // Accessors require the matching type().
  bool as_bool() const { return std::get<1>(v_); }
  int64_t as_int() const { return std::get<2>(v_); }
  double as_double() const { return std::get<3>(v_); }
  const std::string& as_string() const { return std::get<4>(v_); }
  const List& as_list() const { return std::get<5>(v_); }
  const Map& as_map() const { return *std::get<6>(v_); }
  const Node& as_node() const { return *std::get<7>(v_); }
  const Relationship& as_relationship() const { return *std::get<8>(v_); }
  const Path& as_path() const { return *std::get<9>(v_); }
  std::string& mutable_string() { return std::get<4>(v_); }
  List& mutable_list() { return std::get<5>(v_); }

  // Structural equality (int 1 and double 1.0 differ; nodes and
  // relationships are equal when their ids are). Used by storage and tests;
  // Cypher's `=` is the query layer's.
  friend bool operator==(const Value& a, const Value& b);

  // Cypher-literal text: null, true, 42, 1.5, 'text', ['a', 'b'], {k: 1},
  // (:Label {name: 'KAIST'}), [:TYPE {role: 'lead'}].
  std::string ToString() const;

 private:
  using Storage = std::variant<std::monostate, bool, int64_t, double, std::string, List,
                               std::shared_ptr<const Map>, std::shared_ptr<const Node>,
                               std::shared_ptr<const Relationship>, std::shared_ptr<const Path>>;
  explicit Value(Storage v) : v_(std::move(v)) {}
  Storage v_;
};

// Properties of a node or relationship, by property name.
using PropertyMap = Value::Map;

struct Node {
  NodeId id = 0;
  std::vector<std::string> labels;
  PropertyMap properties;

  bool HasLabel(std::string_view label) const;
  // The property's value, or null when absent.
  const Value& Property(std::string_view name) const;
};

struct Relationship {
  RelationshipId id = 0;
  NodeId start = 0;
  NodeId end = 0;
  std::string type;
  PropertyMap properties;

  const Value& Property(std::string_view name) const;
  // The node at the other end from `node`.
  NodeId Other(NodeId node) const { return node == start ? end : start; }
};

// nodes.size() == relationships.size() + 1; relationships[i] joins nodes[i]
// and nodes[i + 1], in either direction.
struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;
};

// Name of a type as users write it in schemas and CSV headers: "int", "string".
std::string_view TypeName(Value::Type type);

}  // namespace alliance

#endif  // ALLIANCE_VALUE_H_

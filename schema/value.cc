#include "alliance/value.h"

#include <cmath>
#include <cstdio>

namespace alliance {
namespace {

void AppendQuoted(std::string& out, const std::string& s) {
  out.push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

void AppendDouble(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d > 0 ? "Infinity" : "-Infinity";
    return;
  }
  // Shortest text that reads back to the same double, always with a '.' or an
  // exponent so that 1.0 is not mistaken for the integer 1.
  char buf[64];
  const double magnitude = std::fabs(d);
  if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15)) {
    // Plain notation in this range (1000.0, not 1e+03), as Cypher prints it.
    for (int decimals = 1; decimals <= 20; ++decimals) {
      std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
      if (std::strtod(buf, nullptr) == d) break;
    }
  } else {
    for (int precision = 1; precision <= 17; ++precision) {
      std::snprintf(buf, sizeof buf, "%.*g", precision, d);
      if (std::strtod(buf, nullptr) == d) break;
    }
  }
  std::string text(buf);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  out += text;
}

void AppendMap(std::string& out, const PropertyMap& map);
void AppendNode(std::string& out, const Node& n);
void AppendRelationship(std::string& out, const Relationship& r);

void AppendValue(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: out += "null"; break;
    case Value::Type::kBool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Type::kInt: out += std::to_string(v.as_int()); break;
    case Value::Type::kDouble: AppendDouble(out, v.as_double()); break;
    case Value::Type::kString: AppendQuoted(out, v.as_string()); break;
    case Value::Type::kList: {
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        AppendValue(out, e);
      }
      out.push_back(']');
      break;
    }
    case Value::Type::kMap: AppendMap(out, v.as_map()); break;
    case Value::Type::kNode: AppendNode(out, v.as_node()); break;
    case Value::Type::kRelationship: AppendRelationship(out, v.as_relationship()); break;
    case Value::Type::kPath: {
      const Path& p = v.as_path();
      out.push_back('<');
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        AppendNode(out, p.nodes[i]);
        if (i < p.relationships.size()) {
          const Relationship& r = p.relationships[i];
          const bool forward = r.start == p.nodes[i].id;
          out += forward ? "-" : "<-";
          AppendRelationship(out, r);
          out += forward ? "->" : "-";
        }
      }
      out.push_back('>');
      break;
    }
  }
}

void AppendMap(std::string& out, const PropertyMap& map) {
  out.push_back('{');
  bool first = true;
  for (const auto& [k, e] : map) {
    if (!first) out += ", ";
    first = false;
    out += k;
    out += ": ";
    AppendValue(out, e);
  }
  out.push_back('}');
}

void AppendNode(std::string& out, const Node& n) {
  out.push_back('(');
  for (const std::string& l : n.labels) {
    out.push_back(':');
    out += l;
  }
  if (!n.properties.empty()) {
    if (!n.labels.empty()) out.push_back(' ');
    AppendMap(out, n.properties);
  }
  out.push_back(')');
}

void AppendRelationship(std::string& out, const Relationship& r) {
  out += "[:";
  out += r.type;
  if (!r.properties.empty()) {
    out.push_back(' ');
    AppendMap(out, r.properties);
  }
  out.push_back(']');
}

}  // namespace

Value Value::MakeMap(Map m) {
  return Value(Storage(std::in_place_index<6>, std::make_shared<const Map>(std::move(m))));
}
Value Value::MakeNode(Node n) {
  return Value(Storage(std::in_place_index<7>, std::make_shared<const Node>(std::move(n))));
}
Value Value::MakeRelationship(Relationship r) {
  return Value(
      Storage(std::in_place_index<8>, std::make_shared<const Relationship>(std::move(r))));
}
Value Value::MakePath(Path p) {
  return Value(Storage(std::in_place_index<9>, std::make_shared<const Path>(std::move(p))));
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::kMap: return a.as_map() == b.as_map();
    case Value::Type::kNode: return a.as_node().id == b.as_node().id;
    case Value::Type::kRelationship: return a.as_relationship().id == b.as_relationship().id;
    case Value::Type::kPath: {
      const Path& p = a.as_path();
      const Path& q = b.as_path();
      if (p.nodes.size() != q.nodes.size()) return false;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (p.nodes[i].id != q.nodes[i].id) return false;
      }
      for (size_t i = 0; i < p.relationships.size(); ++i) {
        if (p.relationships[i].id != q.relationships[i].id) return false;
      }
      return true;
    }
    default: return a.v_ == b.v_;
  }
}

namespace {

const Value& Lookup(const PropertyMap& properties, std::string_view name) {
  static const Value* const kNull = new Value();
  auto it = properties.find(name);
  return it == properties.end() ? *kNull : it->second;
}

}  // namespace

bool Node::HasLabel(std::string_view label) const {
  for (const std::string& l : labels) {
    if (l == label) return true;
  }
  return false;
}

const Value& Node::Property(std::string_view name) const { return Lookup(properties, name); }

const Value& Relationship::Property(std::string_view name) const {
  return Lookup(properties, name);
}

std::string Value::ToString() const {
  std::string out;
  AppendValue(out, *this);
  return out;
}

std::string_view TypeName(Value::Type type) {
  switch (type) {
    case Value::Type::kNull: return "null";
    case Value::Type::kBool: return "boolean";
    case Value::Type::kInt: return "int";
    case Value::Type::kDouble: return "double";
    case Value::Type::kString: return "string";
    case Value::Type::kList: return "list";
    case Value::Type::kMap: return "map";
    case Value::Type::kNode: return "node";
    case Value::Type::kRelationship: return "relationship";
    case Value::Type::kPath: return "path";
  }
  return "unknown";
}

}  // namespace alliance

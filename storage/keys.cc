#include "storage/keys.h"

#include <cstring>

#include "schema/str_cat.h"

namespace alliance::storage {
namespace {

// Tags order values of different types; within a type the bytes order the value.
enum OrderedTag : char { kTagBool = 0x10, kTagInt = 0x20, kTagDouble = 0x30, kTagString = 0x40 };

}  // namespace

void AppendU32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out.append(b, 4);
}

void AppendU64(std::string& out, uint64_t v) {
  char b[8];
  for (int i = 7; i >= 0; --i) {
    b[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  out.append(b, 8);
}

uint32_t ReadU32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

uint64_t ReadU64(const char* p) {
  return (uint64_t{ReadU32(p)} << 32) | ReadU32(p + 4);
}

std::string NodeKey(NodeId id) {
  std::string k;
  k.reserve(kNodeKeySize);
  AppendU64(k, id);
  return k;
}

absl::StatusOr<NodeId> DecodeNodeKey(std::string_view key) {
  if (key.size() != kNodeKeySize) {
    return absl::DataLossError(StrCat("node key has ", key.size(), " bytes, expected 8"));
  }
  return ReadU64(key.data());
}

namespace {

void WriteU32(char* out, uint32_t v) {
  for (int i = 3; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
}

void WriteU64(char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
}

// Both directions: first endpoint, type, other endpoint, id.
void WriteEdgeKey(char* out, NodeId first, uint32_t type, NodeId second, EdgeId id) {
  WriteU64(out, first);
  WriteU32(out + 8, type);
  WriteU64(out + 12, second);
  WriteU64(out + 20, id);
}

}  // namespace

void EdgeKey::WriteOutKey(char* out) const { WriteEdgeKey(out, src, type, dst, id); }

void EdgeKey::WriteInKey(char* out) const { WriteEdgeKey(out, dst, type, src, id); }

std::string EdgeKey::OutKey() const {
  std::string k(kEdgeKeySize, '\0');
  WriteOutKey(k.data());
  return k;
}

std::string EdgeKey::InKey() const {
  std::string k(kEdgeKeySize, '\0');
  WriteInKey(k.data());
  return k;
}

absl::StatusOr<EdgeKey> EdgeKey::DecodeOut(std::string_view key) {
  if (key.size() != kEdgeKeySize) {
    return absl::DataLossError(StrCat("edge key has ", key.size(), " bytes, expected 28"));
  }
  return EdgeKey{ReadU64(key.data()), ReadU32(key.data() + 8), ReadU64(key.data() + 12),
                 ReadU64(key.data() + 20)};
}

absl::StatusOr<EdgeKey> EdgeKey::DecodeIn(std::string_view key) {
  if (key.size() != kEdgeKeySize) {
    return absl::DataLossError(StrCat("edge key has ", key.size(), " bytes, expected 28"));
  }
  return EdgeKey{ReadU64(key.data() + 12), ReadU32(key.data() + 8), ReadU64(key.data()),
                 ReadU64(key.data() + 20)};
}

std::string AdjacencyPrefix(NodeId node) { return NodeKey(node); }

std::string AdjacencyPrefix(NodeId node, uint32_t type) {
  std::string k = NodeKey(node);
  AppendU32(k, type);
  return k;
}

std::string LabelIndexKey(uint32_t label, NodeId node) {
  std::string k;
  k.reserve(12);
  AppendU32(k, label);
  AppendU64(k, node);
  return k;
}

std::string LabelIndexPrefix(uint32_t label) {
  std::string k;
  AppendU32(k, label);
  return k;
}

absl::StatusOr<std::string> OrderedValue(const Value& v) {
  std::string out;
  switch (v.type()) {
    case Value::Type::kBool:
      out.push_back(kTagBool);
      out.push_back(v.as_bool() ? 1 : 0);
      return out;
    case Value::Type::kInt:
      out.push_back(kTagInt);
      AppendU64(out, static_cast<uint64_t>(v.as_int()) ^ (uint64_t{1} << 63));
      return out;
    case Value::Type::kDouble: {
      double d = v.as_double();
      if (d == 0) d = 0;  // -0.0 and 0.0 are one key
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      bits = (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
      out.push_back(kTagDouble);
      AppendU64(out, bits);
      return out;
    }
    case Value::Type::kString: {
      const std::string& s = v.as_string();
      out.reserve(s.size() + 3);
      out.push_back(kTagString);
      for (char c : s) {
        out.push_back(c);
        if (c == '\0') out.push_back('\xff');
      }
      out.push_back('\0');
      out.push_back('\x01');
      return out;
    }
    case Value::Type::kNull:
    case Value::Type::kList:
      break;
  }
  return absl::InvalidArgumentError(
      StrCat("a ", TypeName(v.type()), " value cannot be an index key"));
}

absl::StatusOr<std::pair<Value, size_t>> DecodeOrderedValue(std::string_view bytes) {
  auto corrupt = [&] {
    return absl::DataLossError(StrCat("malformed ordered value of ", bytes.size(), " bytes"));
  };
  if (bytes.empty()) return corrupt();
  switch (bytes[0]) {
    case kTagBool:
      if (bytes.size() < 2) return corrupt();
      return std::pair(Value::Bool(bytes[1] != 0), size_t{2});
    case kTagInt:
      if (bytes.size() < 9) return corrupt();
      return std::pair(Value::Int(static_cast<int64_t>(ReadU64(bytes.data() + 1) ^
                                                       (uint64_t{1} << 63))),
                       size_t{9});
    case kTagDouble: {
      if (bytes.size() < 9) return corrupt();
      uint64_t bits = ReadU64(bytes.data() + 1);
      bits = (bits & (uint64_t{1} << 63)) ? bits & ~(uint64_t{1} << 63) : ~bits;
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return std::pair(Value::Double(d), size_t{9});
    }
    case kTagString: {
      std::string s;
      for (size_t i = 1; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != '\0') {
          s.push_back(bytes[i]);
        } else if (bytes[i + 1] == '\xff') {
          s.push_back('\0');
          ++i;
        } else if (bytes[i + 1] == '\x01') {
          return std::pair(Value::String(std::move(s)), i + 2);
        } else {
          break;
        }
      }
      return corrupt();
    }
    default:
      return corrupt();
  }
}

absl::StatusOr<std::string> UniqueIndexKey(uint32_t label, uint32_t property, const Value& v) {
  absl::StatusOr<std::string> ordered = OrderedValue(v);
  if (!ordered.ok()) return ordered.status();
  std::string k;
  k.reserve(8 + ordered->size());
  AppendU32(k, label);
  AppendU32(k, property);
  k += *ordered;
  return k;
}

absl::StatusOr<std::string> LookupIndexPrefix(uint32_t label, uint32_t property,
                                              const Value& v) {
  // The same bytes as the unique key: the ordered value is prefix-free, so the
  // node id can follow it.
  return UniqueIndexKey(label, property, v);
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    unsigned char last = static_cast<unsigned char>(s.back());
    if (last != 0xff) {
      s.back() = static_cast<char>(last + 1);
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace alliance::storage

#include "storage/record_codec.h"

#include <capnp/message.h>
#include <capnp/serialize-packed.h>
#include <kj/io.h>

#include <algorithm>
#include <optional>

#include "schema/str_cat.h"
#include "schema/records.capnp.h"

namespace alliance::storage {
namespace {

using records::EdgeRecord;
using records::NodeRecord;
using records::Property;
using records::PropertyValue;

void WriteValue(const Value& v, PropertyValue::Builder out) {
  switch (v.type()) {
    case Value::Type::kNull: out.setNull(); return;
    case Value::Type::kBool: out.setBool(v.as_bool()); return;
    case Value::Type::kInt: out.setInt(v.as_int()); return;
    case Value::Type::kDouble: out.setDouble(v.as_double()); return;
    case Value::Type::kString: out.setString(v.as_string()); return;
    case Value::Type::kList: break;
    // Maps, nodes, relationships and paths are no property values: the
    // normaliser refuses them before anything is encoded.
    case Value::Type::kMap:
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath: out.setNull(); return;
  }
  const Value::List& list = v.as_list();
  const Value::Type element = list.empty() ? Value::Type::kString : list.front().type();
  switch (element) {
    case Value::Type::kBool: {
      auto l = out.initBoolList(list.size());
      for (size_t i = 0; i < list.size(); ++i) l.set(i, list[i].as_bool());
      return;
    }
    case Value::Type::kInt: {
      auto l = out.initIntList(list.size());
      for (size_t i = 0; i < list.size(); ++i) l.set(i, list[i].as_int());
      return;
    }
    case Value::Type::kDouble: {
      auto l = out.initDoubleList(list.size());
      for (size_t i = 0; i < list.size(); ++i) l.set(i, list[i].as_double());
      return;
    }
    default: {
      auto l = out.initStringList(list.size());
      for (size_t i = 0; i < list.size(); ++i) l.set(i, list[i].as_string());
      return;
    }
  }
}

Value ReadValue(PropertyValue::Reader in) {
  switch (in.which()) {
    case PropertyValue::NULL_: return Value();
    case PropertyValue::BOOL: return Value::Bool(in.getBool());
    case PropertyValue::INT: return Value::Int(in.getInt());
    case PropertyValue::DOUBLE: return Value::Double(in.getDouble());
    case PropertyValue::STRING: {
      auto t = in.getString();
      return Value::String(std::string(t.begin(), t.size()));
    }
    case PropertyValue::BOOL_LIST: {
      Value::List l;
      for (bool b : in.getBoolList()) l.push_back(Value::Bool(b));
      return Value::MakeList(std::move(l));
    }
    case PropertyValue::INT_LIST: {
      Value::List l;
      for (int64_t i : in.getIntList()) l.push_back(Value::Int(i));
      return Value::MakeList(std::move(l));
    }
    case PropertyValue::DOUBLE_LIST: {
      Value::List l;
      for (double d : in.getDoubleList()) l.push_back(Value::Double(d));
      return Value::MakeList(std::move(l));
    }
    case PropertyValue::STRING_LIST: {
      Value::List l;
      for (auto t : in.getStringList()) l.push_back(Value::String(std::string(t.begin(), t.size())));
      return Value::MakeList(std::move(l));
    }
  }
  // An unknown union member comes from a newer writer; treat it as absent.
  return Value();
}

void WriteProperties(const PropertyList& props, capnp::List<Property>::Builder out) {
  for (size_t i = 0; i < props.size(); ++i) {
    out[i].setKey(props[i].first);
    WriteValue(props[i].second, out[i].initValue());
  }
}

PropertyList ReadProperties(capnp::List<Property>::Reader in) {
  PropertyList props;
  props.reserve(in.size());
  for (auto p : in) props.emplace_back(p.getKey(), ReadValue(p.getValue()));
  return props;
}

Value FindProperty(capnp::List<Property>::Reader props, uint32_t key) {
  uint32_t lo = 0, hi = props.size();
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint32_t k = props[mid].getKey();
    if (k == key) return ReadValue(props[mid].getValue());
    if (k < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return Value();
}

// Packs straight into the result string. A packed word takes at most ten
// bytes (tag, eight data bytes, run count), which bounds the output.
std::string ToBytes(capnp::MessageBuilder& message) {
  const size_t words = capnp::computeSerializedSizeInWords(message);
  std::string bytes(words * 10 + 16, '\0');
  kj::ArrayOutputStream out(
      kj::ArrayPtr<kj::byte>(reinterpret_cast<kj::byte*>(bytes.data()), bytes.size()));
  capnp::writePackedMessage(out, message);
  bytes.resize(out.getArray().size());
  return bytes;
}

// Records are small: build them in a stack segment instead of a calloc'ed one.
constexpr size_t kScratchWords = 128;

// Unpacks a stored record and runs `read` on its root, turning every decoding
// failure (truncated, garbage, too deep) into DataLoss instead of an exception.
template <typename Root, typename Fn>
auto WithRecord(std::string_view bytes, const char* what, Fn&& read)
    -> absl::StatusOr<decltype(read(std::declval<typename Root::Reader>()))> {
  using Result = decltype(read(std::declval<typename Root::Reader>()));
  std::optional<Result> result;
  kj::Maybe<kj::Exception> error = kj::runCatchingExceptions([&]() {
    kj::ArrayInputStream input(
        kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    capnp::ReaderOptions options;
    options.traversalLimitInWords = 1 << 26;
    capnp::PackedMessageReader reader(input, options);
    result.emplace(read(reader.getRoot<Root>()));
  });
  KJ_IF_MAYBE(e, error) {
    return absl::DataLossError(
        StrCat(what, " record does not decode: ", e->getDescription().cStr()));
  }
  return std::move(*result);
}

}  // namespace

void SortProperties(PropertyList& properties) {
  properties.erase(std::remove_if(properties.begin(), properties.end(),
                                  [](const auto& p) { return p.second.is_null(); }),
                   properties.end());
  std::sort(properties.begin(), properties.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::string EncodeNodeRecord(const NodeRecordData& node) {
  capnp::word scratch[kScratchWords] = {};
  capnp::MallocMessageBuilder message(kj::ArrayPtr<capnp::word>(scratch, kScratchWords));
  auto root = message.initRoot<NodeRecord>();
  auto labels = root.initLabels(node.labels.size());
  for (size_t i = 0; i < node.labels.size(); ++i) labels.set(i, node.labels[i]);
  WriteProperties(node.properties, root.initProperties(node.properties.size()));
  return ToBytes(message);
}

absl::StatusOr<NodeRecordData> DecodeNodeRecord(std::string_view bytes) {
  return WithRecord<NodeRecord>(bytes, "node", [](NodeRecord::Reader r) {
    NodeRecordData node;
    for (uint32_t l : r.getLabels()) node.labels.push_back(l);
    node.properties = ReadProperties(r.getProperties());
    return node;
  });
}

std::string EncodeEdgeRecord(const PropertyList& properties) {
  if (properties.empty()) return std::string();
  capnp::word scratch[kScratchWords] = {};
  capnp::MallocMessageBuilder message(kj::ArrayPtr<capnp::word>(scratch, kScratchWords));
  auto root = message.initRoot<EdgeRecord>();
  WriteProperties(properties, root.initProperties(properties.size()));
  return ToBytes(message);
}

absl::StatusOr<PropertyList> DecodeEdgeRecord(std::string_view bytes) {
  if (bytes.empty()) return PropertyList();
  return WithRecord<EdgeRecord>(bytes, "edge", [](EdgeRecord::Reader r) {
    return ReadProperties(r.getProperties());
  });
}

absl::StatusOr<Value> ReadNodeProperty(std::string_view bytes, uint32_t key) {
  return WithRecord<NodeRecord>(bytes, "node", [key](NodeRecord::Reader r) {
    return FindProperty(r.getProperties(), key);
  });
}

absl::StatusOr<Value> ReadEdgeProperty(std::string_view bytes, uint32_t key) {
  if (bytes.empty()) return Value();
  return WithRecord<EdgeRecord>(bytes, "edge", [key](EdgeRecord::Reader r) {
    return FindProperty(r.getProperties(), key);
  });
}

absl::StatusOr<std::vector<uint32_t>> ReadNodeLabels(std::string_view bytes) {
  return WithRecord<NodeRecord>(bytes, "node", [](NodeRecord::Reader r) {
    std::vector<uint32_t> labels;
    for (uint32_t l : r.getLabels()) labels.push_back(l);
    return labels;
  });
}

}  // namespace alliance::storage

#include "alliance/types.h"

#include <algorithm>

namespace alliance {
namespace {

const Value& Lookup(const PropertyMap& properties, std::string_view name) {
  static const Value* const kNull = new Value();
  auto it = properties.find(name);
  return it == properties.end() ? *kNull : it->second;
}

}  // namespace

bool Node::HasLabel(std::string_view label) const {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

const Value& Node::Property(std::string_view name) const { return Lookup(properties, name); }

const Value& Relationship::Property(std::string_view name) const {
  return Lookup(properties, name);
}

}  // namespace alliance

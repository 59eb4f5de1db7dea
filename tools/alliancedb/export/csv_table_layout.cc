#include "csv_table_layout.h"

#include <algorithm>

#include "csv_dialect.h"

namespace alliance::tools {
namespace {

// One number per column type: the scalar type, or 16 + the element type for a
// list; -1 for an empty list, which fits no column.
int TypeCode(const Value& value) {
  if (value.type() != Value::Type::kList) return static_cast<int>(value.type());
  if (value.as_list().empty()) return -1;
  return 16 + static_cast<int>(value.as_list().front().type());
}

}  // namespace

bool CsvTableLayout::Fits(const Part& part, const PropertyMap& properties) {
  for (const auto& [name, value] : properties) {
    auto it = part.index.find(name);
    if (it != part.index.end() && part.columns[it->second].type_code != TypeCode(value)) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<size_t> CsvTableLayout::Place(const PropertyMap& properties) {
  size_t p = 0;
  while (p < parts_.size() && !Fits(parts_[p], properties)) ++p;
  if (p == parts_.size()) parts_.emplace_back();
  Part& part = parts_[p];
  for (const auto& [name, value] : properties) {
    if (part.index.count(name) > 0) continue;
    absl::StatusOr<std::string> type = ColumnType(value);
    if (!type.ok()) return type.status();
    part.index.emplace(name, part.columns.size());
    part.columns.push_back(Column{name, *std::move(type), TypeCode(value)});
  }
  return p;
}

absl::StatusOr<size_t> CsvTableLayout::Find(const PropertyMap& properties) const {
  for (size_t p = 0; p < parts_.size(); ++p) {
    if (Fits(parts_[p], properties)) return p;
  }
  return absl::InternalError("a row that was never declared has no CSV file");
}

void CsvTableLayout::OrderColumns(const std::vector<std::string>& leading) {
  auto rank = [&](const Column& c) {
    auto it = std::find(leading.begin(), leading.end(), c.name);
    return static_cast<size_t>(it - leading.begin());
  };
  for (Part& part : parts_) {
    std::stable_sort(part.columns.begin(), part.columns.end(),
                     [&](const Column& a, const Column& b) {
                       const size_t ra = rank(a), rb = rank(b);
                       return ra != rb ? ra < rb : a.name < b.name;
                     });
    part.index.clear();
    for (size_t i = 0; i < part.columns.size(); ++i) part.index.emplace(part.columns[i].name, i);
  }
}

}  // namespace alliance::tools

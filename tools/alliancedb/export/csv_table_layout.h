// CsvTableLayout: the typed columns of the CSV files that one label's nodes
// (or one type's relationships) are written to. Usually that is one file. A
// typed column holds one type, so when a property has values of different
// types on different rows (possible in a free schema) the rows that clash go
// to a further file ("part") with columns of their own.
//
//   declaration pass:  layout.Place(row.properties)  (adds columns, chooses the part)
//   writing pass:      layout.Find(row.properties)   (the same part)
#ifndef ALLIANCE_TOOLS_EXPORT_CSV_TABLE_LAYOUT_H_
#define ALLIANCE_TOOLS_EXPORT_CSV_TABLE_LAYOUT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::tools {

class CsvTableLayout {
 public:
  struct Column {
    std::string name;
    std::string type;  // ColumnType(): int, string[], ...
    int type_code;     // the same, cheap to compare per row
  };
  struct Part {
    std::vector<Column> columns;
    std::map<std::string, size_t, std::less<>> index;  // name -> position in columns
  };

  // The first part whose columns do not clash with the row's types, opening a
  // new part when all do; adds the row's missing columns to it. Errors for
  // values CSV cannot type (an empty list).
  absl::StatusOr<size_t> Place(const PropertyMap& properties);
  // After the declaration pass, the part Place chose for these properties:
  // column types never change once added, so a part that clashed then still
  // clashes, and the first part that fits is the one chosen.
  absl::StatusOr<size_t> Find(const PropertyMap& properties) const;

  // Puts `leading` (e.g. the schema's declared properties, key first) in that
  // order before the rest, which stay in name order.
  void OrderColumns(const std::vector<std::string>& leading);

  const std::vector<Part>& parts() const { return parts_; }

 private:
  // No column of the part has one of the row's names with another type.
  static bool Fits(const Part& part, const PropertyMap& properties);

  std::vector<Part> parts_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_CSV_TABLE_LAYOUT_H_

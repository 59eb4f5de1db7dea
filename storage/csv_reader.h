// CsvReader: streaming reader for neo4j-admin-import-style CSV files (typed
// header, RFC 4180 quoting), the input side of the bulk importer.
#ifndef ALLIANCE_STORAGE_CSV_READER_H_
#define ALLIANCE_STORAGE_CSV_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::storage {

struct CsvOptions {
  char delimiter = ',';
  char array_delimiter = ';';
  char quote = '"';
  // Like neo4j-admin's --trim-strings: strips spaces and tabs around unquoted
  // string values and string array elements. Quoted text is always kept as is.
  bool trim_strings = false;
  // Initial size of the read buffer. It only grows past this to hold a single
  // record that is larger; tests shrink it to exercise refill boundaries.
  size_t read_buffer_size = size_t{1} << 20;
  // A record (usually: everything after a stray quote) larger than this is an
  // error instead of an unbounded buffer.
  size_t max_record_bytes = size_t{256} << 20;
};

struct CsvColumn {
  enum class Kind { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore };
  Kind kind = Kind::kProperty;
  // For kProperty: the property key. For kId: the property under which
  // neo4j-admin would also store the id as a string ("id" in `id:ID`); empty
  // for a bare `:ID`. For other kinds: whatever preceded the colon, unused.
  std::string name;
  // Element type for arrays. kString for ID/START_ID/END_ID/TYPE/LABEL,
  // kNull for IGNORE.
  Value::Type type = Value::Type::kString;
  bool is_array = false;  // true for `type[]` and for :LABEL
  std::string id_group;   // the `Group` of ID(Group)/START_ID(Group)/END_ID(Group)

  // Name for messages: the name, or the special field (":ID") when unnamed.
  std::string DisplayName() const;
};

struct CsvHeader {
  std::vector<CsvColumn> columns;
  int id_column = -1;
  int label_column = -1;
  int start_column = -1;
  int end_column = -1;
  int type_column = -1;

  // A header without START_ID/END_ID; the ID column itself is optional, as in
  // neo4j-admin (such nodes cannot be referenced by relationship files).
  bool is_node_file() const { return start_column < 0 && end_column < 0; }
  // Both START_ID and END_ID. TYPE may be missing (the importer may supply a
  // default type), so it is not required here.
  bool is_relationship_file() const { return start_column >= 0 && end_column >= 0; }
};

// Parses a header record's fields. Exposed for importers that take the header
// from a separate file (neo4j-admin's `--nodes=header.csv,part1.csv`).
// `path` and `line` only prefix error messages.
absl::StatusOr<CsvHeader> ParseCsvHeader(const std::vector<std::string_view>& fields,
                                         std::string_view path, int64_t line);

class CsvReader {
 public:
  // Reads and parses the header line; I/O errors keep their errno-derived code,
  // format errors are InvalidArgument.
  static absl::StatusOr<std::unique_ptr<CsvReader>> Open(const std::string& path, CsvOptions opts);
  // Same over in-memory text (copied); `name` stands in for the path in
  // messages.
  static absl::StatusOr<std::unique_ptr<CsvReader>> OpenString(std::string name,
                                                               std::string contents,
                                                               CsvOptions opts);

  // Splits the records of a file into up to `max_parts` readers over disjoint
  // line ranges, in file order, for importing on several cores. Parts begin
  // only at line breaks that end a record, found by following the quoting the
  // way the parser does (a quoted field may hold a line break). Every part has
  // the file's header and reports true line numbers.
  struct Part {
    std::unique_ptr<CsvReader> reader;
    // Physical lines the part spans: an upper bound on its records.
    int64_t lines = 0;
  };
  static absl::StatusOr<std::vector<Part>> OpenParts(const std::string& path, CsvOptions opts,
                                                     int max_parts);

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const CsvHeader& header() const { return header_; }
  const std::string& path() const { return path_; }

  // Advances to the next record: true if there is one, false at the end. Any
  // error is sticky: later calls return it again.
  absl::StatusOr<bool> Next();

  // 1-based physical line on which the current record starts.
  int64_t line() const { return record_line_; }
  // Always header().columns.size() after Next() returned true.
  int num_fields() const { return static_cast<int>(fields_.size()); }
  // Field text with quotes removed and "" unescaped; valid until Next().
  std::string_view raw_field(int i) const {
    return std::string_view(fields_[i].data, fields_[i].size);
  }
  bool field_is_quoted(int i) const { return fields_[i].quoted; }
  // Unquoted and empty: the property is absent. TypedField() may also yield
  // null for a quoted empty non-string field or a whitespace-only number.
  bool field_is_null(int i) const { return !fields_[i].quoted && fields_[i].size == 0; }

  // Field converted per its column: ints, doubles, booleans, UTF-8-checked
  // strings, lists for arrays and :LABEL, null for absent values and :IGNORE.
  absl::StatusOr<Value> TypedField(int i) const;

  // "PATH:LINE: reason" for the current record, so that the importer's own
  // errors (unknown node id, ...) look like the reader's.
  absl::Status Error(std::string_view reason) const;
  // The same for a record read earlier, starting on `line`.
  absl::Status ErrorAt(int64_t line, std::string_view reason) const {
    return ParseError(line, reason);
  }

  // Bytes read from the source so far (at most one buffer ahead of the records
  // returned), for progress reporting.
  int64_t bytes_read() const { return bytes_read_; }

 private:
  struct Field {
    char* data;  // mutable so that "" can be collapsed in place
    size_t size;
    bool quoted;
    bool escaped;  // contains "" pairs still to be collapsed
  };
  enum class ParseResult { kRecord, kBlank, kNeedMore, kError };

  CsvReader(std::string path, CsvOptions opts);
  absl::Status Init();
  absl::Status Refill();
  // Splits the record at pos_ into fields_; with kNeedMore nothing is consumed.
  ParseResult ParseRecord();
  absl::StatusOr<bool> ReadRecord();
  absl::Status ParseError(int64_t line, std::string_view reason) const;
  absl::Status ConvertError(int i, Value::Type type, bool in_array, std::string_view got,
                            std::string_view detail) const;
  absl::StatusOr<Value> ConvertScalar(int i, Value::Type type, std::string_view text, bool quoted,
                                      bool in_array) const;

  std::string path_;
  CsvOptions opts_;
  CsvHeader header_;

  // Exactly one source: a file, or the owned in-memory text.
  FILE* file_ = nullptr;
  int64_t file_limit_ = -1;  // bytes of the file left to read; -1: to its end
  std::string text_;
  size_t text_pos_ = 0;

  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t pos_ = 0;  // start of the unconsumed data
  size_t end_ = 0;  // end of the valid data
  bool eof_ = false;
  int64_t bytes_read_ = 0;

  int64_t next_line_ = 1;  // physical line at pos_
  int64_t record_line_ = 0;
  std::vector<Field> fields_;
  absl::Status status_;  // sticky first error
  bool done_ = false;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_CSV_READER_H_

// CsvReader: streaming reader for neo4j-admin-import-style CSV files.
#include "storage/csv_reader.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "storage/csv_record_scanner.h"

namespace alliance::storage {
namespace {

// Debian's Abseil is built with its own absl::string_view (not an alias of
// std::string_view), so StrCat and friends need an explicit conversion.
absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// Below this the BOM check (3 bytes) and the refill logic have no room to work.
constexpr size_t kMinBufferSize = 16;
// Offending values are quoted in messages; a whole multi-megabyte field is not.
constexpr size_t kMaxQuotedValue = 64;

std::string_view TrimBlanks(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

// Returns the offset of the first byte that is not part of well-formed UTF-8
// (no overlongs, no surrogates, nothing above U+10FFFF), or npos.
size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Most property text is ASCII; skip it a word at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string QuoteForMessage(std::string_view s) {
  if (s.size() <= kMaxQuotedValue) return absl::StrCat("'", AV(s), "'");
  size_t cut = kMaxQuotedValue;
  // Do not split a UTF-8 sequence: the message itself should stay valid.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat("'", AV(s.substr(0, cut)), "...' (", s.size(), " bytes)");
}

std::string_view TypeWord(Value::Type t) {
  switch (t) {
    case Value::Type::kBool:
      return "boolean";
    case Value::Type::kInt:
      return "int";
    case Value::Type::kDouble:
      return "float";
    case Value::Type::kString:
      return "string";
    default:
      return "null";
  }
}

struct TypeSpec {
  CsvColumn::Kind kind;
  Value::Type type;
};

// Neo4j-admin matches these case-insensitively.
bool LookupType(std::string_view lower, TypeSpec* out) {
  using K = CsvColumn::Kind;
  using T = Value::Type;
  static const std::pair<std::string_view, TypeSpec> kTypes[] = {
      {"id", {K::kId, T::kString}},
      {"label", {K::kLabel, T::kString}},
      {"start_id", {K::kStartId, T::kString}},
      {"end_id", {K::kEndId, T::kString}},
      {"type", {K::kType, T::kString}},
      {"ignore", {K::kIgnore, T::kNull}},
      {"int", {K::kProperty, T::kInt}},
      {"long", {K::kProperty, T::kInt}},
      {"short", {K::kProperty, T::kInt}},
      {"byte", {K::kProperty, T::kInt}},
      {"float", {K::kProperty, T::kDouble}},
      {"double", {K::kProperty, T::kDouble}},
      {"boolean", {K::kProperty, T::kBool}},
      {"string", {K::kProperty, T::kString}},
      {"char", {K::kProperty, T::kString}},
  };
  for (const auto& [name, spec] : kTypes) {
    if (name == lower) {
      *out = spec;
      return true;
    }
  }
  return false;
}

// Neo4j types that Value cannot hold yet; named so the error says "not
// supported" rather than "unknown".
bool IsUnsupportedNeo4jType(std::string_view lower) {
  static constexpr std::string_view kTypes[] = {"point",    "date",          "time",    "localtime",
                                                "datetime", "localdatetime", "duration"};
  return std::find(std::begin(kTypes), std::end(kTypes), lower) != std::end(kTypes);
}

absl::Status HeaderError(std::string_view path, int64_t line, std::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(AV(path), ":", line, ": ", AV(reason)));
}

absl::Status OpenError(const std::string& path, int err, std::string_view what) {
  std::string msg = absl::StrCat(path, ": ", AV(what), ": ", std::strerror(err));
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(msg);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(msg);
    default:
      return absl::InternalError(msg);
  }
}

std::string_view SpecialName(CsvColumn::Kind kind) {
  switch (kind) {
    case CsvColumn::Kind::kId:
      return ":ID";
    case CsvColumn::Kind::kLabel:
      return ":LABEL";
    case CsvColumn::Kind::kStartId:
      return ":START_ID";
    case CsvColumn::Kind::kEndId:
      return ":END_ID";
    case CsvColumn::Kind::kType:
      return ":TYPE";
    case CsvColumn::Kind::kIgnore:
      return ":IGNORE";
    case CsvColumn::Kind::kProperty:
      break;
  }
  return "";
}

}  // namespace

std::string CsvColumn::DisplayName() const {
  if (!name.empty()) return name;
  return std::string(SpecialName(kind));
}

absl::StatusOr<CsvHeader> ParseCsvHeader(const std::vector<std::string_view>& fields,
                                         std::string_view path, int64_t line) {
  CsvHeader header;
  // Where each special column was first seen, for "two X columns" messages.
  std::string first_special[7];
  std::set<std::string, std::less<>> property_names;

  for (size_t idx = 0; idx < fields.size(); ++idx) {
    const size_t number = idx + 1;  // users count columns from 1
    const std::string_view text = TrimBlanks(fields[idx]);
    if (text.empty()) {
      return HeaderError(path, line, absl::StrCat("column ", number, " has an empty header"));
    }
    if (FindInvalidUtf8(text) != std::string_view::npos) {
      return HeaderError(path, line, absl::StrCat("column ", number, " header is not valid UTF-8"));
    }
    const std::string quoted = QuoteForMessage(text);

    // The type follows the last ':' outside parentheses, so that an ID group
    // such as "ID(a:b)" keeps its colon.
    size_t colon = std::string_view::npos;
    int depth = 0;
    for (size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '(') ++depth;
      if (text[k] == ')' && depth > 0) --depth;
      if (text[k] == ':' && depth == 0) colon = k;
    }

    CsvColumn col;
    std::string_view spec;
    if (colon == std::string_view::npos) {
      col.name = std::string(text);
    } else {
      col.name = std::string(TrimBlanks(text.substr(0, colon)));
      spec = TrimBlanks(text.substr(colon + 1));
      if (spec.empty()) {
        return HeaderError(path, line, absl::StrCat("column ", quoted, " has an empty type"));
      }
    }

    if (!spec.empty()) {
      const size_t open = spec.find_first_of("([");
      const std::string base = absl::AsciiStrToLower(AV(spec.substr(0, open)));
      std::string_view rest =
          open == std::string_view::npos ? std::string_view() : spec.substr(open);
      bool has_group = false;
      if (!rest.empty() && rest.front() == '(') {
        if (rest.back() != ')' || rest.size() < 3) {
          return HeaderError(
              path, line,
              absl::StrCat("column ", quoted, " has a malformed ID group; expected (Group)"));
        }
        col.id_group = std::string(rest.substr(1, rest.size() - 2));
        has_group = true;
      } else if (!rest.empty()) {
        if (rest != "[]") {
          return HeaderError(path, line,
                             absl::StrCat("column ", quoted, " has a malformed type '", AV(spec),
                                          "'; arrays are written type[]"));
        }
        col.is_array = true;
      }
      TypeSpec ts;
      if (!LookupType(base, &ts)) {
        if (IsUnsupportedNeo4jType(base)) {
          return HeaderError(
              path, line,
              absl::StrCat("column ", quoted, " has type '", base, "', which is not supported"));
        }
        return HeaderError(
            path, line,
            absl::StrCat("column ", quoted, " has unknown type '", AV(spec.substr(0, open)), "'"));
      }
      col.kind = ts.kind;
      col.type = ts.type;
      const bool groupable = col.kind == CsvColumn::Kind::kId ||
                             col.kind == CsvColumn::Kind::kStartId ||
                             col.kind == CsvColumn::Kind::kEndId;
      if (has_group && !groupable) {
        return HeaderError(
            path, line,
            absl::StrCat("column ", quoted, ": only ID, START_ID and END_ID take a (Group)"));
      }
      if (col.is_array && col.kind != CsvColumn::Kind::kProperty) {
        return HeaderError(path, line,
                           absl::StrCat("column ", quoted, ": special columns cannot be arrays"));
      }
    }
    if (col.kind == CsvColumn::Kind::kLabel) col.is_array = true;

    if (col.kind == CsvColumn::Kind::kProperty && col.name.empty()) {
      return HeaderError(path, line,
                         absl::StrCat("column ", number, " (", quoted, ") has no name"));
    }
    // An `id:ID` also becomes property "id" in neo4j-admin, so it collides
    // with a property column of the same name.
    if (col.kind == CsvColumn::Kind::kProperty ||
        (col.kind == CsvColumn::Kind::kId && !col.name.empty())) {
      if (!property_names.insert(col.name).second) {
        return HeaderError(
            path, line,
            absl::StrCat("duplicate column name '", col.name, "' (column ", number, ")"));
      }
    }

    int* slot = nullptr;
    switch (col.kind) {
      case CsvColumn::Kind::kId:
        slot = &header.id_column;
        break;
      case CsvColumn::Kind::kLabel:
        slot = &header.label_column;
        break;
      case CsvColumn::Kind::kStartId:
        slot = &header.start_column;
        break;
      case CsvColumn::Kind::kEndId:
        slot = &header.end_column;
        break;
      case CsvColumn::Kind::kType:
        slot = &header.type_column;
        break;
      default:
        break;
    }
    if (slot != nullptr) {
      std::string& first = first_special[static_cast<int>(col.kind)];
      if (*slot >= 0) {
        return HeaderError(
            path, line,
            absl::StrCat("two ", AV(SpecialName(col.kind)), " columns: ", first, " (column ",
                         *slot + 1, ") and ", quoted, " (column ", number, ")"));
      }
      *slot = static_cast<int>(idx);
      first = quoted;
    }
    header.columns.push_back(std::move(col));
  }

  const bool has_start = header.start_column >= 0;
  const bool has_end = header.end_column >= 0;
  if (has_start != has_end) {
    return HeaderError(path, line,
                       has_start ? "relationship header has :START_ID but no :END_ID"
                                 : "relationship header has :END_ID but no :START_ID");
  }
  if (has_start && (header.id_column >= 0 || header.label_column >= 0)) {
    return HeaderError(path, line,
                       "header mixes node columns (:ID/:LABEL) with relationship columns "
                       "(:START_ID/:END_ID)");
  }
  if (!has_start && header.type_column >= 0) {
    return HeaderError(path, line, ":TYPE column in a node header (no :START_ID/:END_ID)");
  }
  return header;
}

// ---------------------------------------------------------------------------

CsvReader::CsvReader(std::string path, CsvOptions opts) : path_(std::move(path)), opts_(opts) {}

CsvReader::~CsvReader() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::StatusOr<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path,
                                                           CsvOptions opts) {
  std::unique_ptr<CsvReader> r(new CsvReader(path, opts));
  r->file_ = std::fopen(path.c_str(), "rb");
  if (r->file_ == nullptr) return OpenError(path, errno, "cannot open");
  // Our buffer is the buffer; stdio's own would only add a copy.
  std::setvbuf(r->file_, nullptr, _IONBF, 0);
  absl::Status s = r->Init();
  if (!s.ok()) return s;
  return r;
}

absl::StatusOr<std::vector<CsvReader::Part>> CsvReader::OpenParts(const std::string& path,
                                                                  CsvOptions opts,
                                                                  int max_parts) {
  absl::StatusOr<std::unique_ptr<CsvReader>> first = Open(path, opts);
  if (!first.ok()) return first.status();
  CsvReader& head = **first;
  // Where the records start: the header line has been consumed from the buffer.
  const int64_t data_start = head.bytes_read_ - static_cast<int64_t>(head.end_ - head.pos_);
  const int64_t first_line = head.next_line_;

  std::error_code size_error;
  const int64_t size = static_cast<int64_t>(std::filesystem::file_size(path, size_error));
  const int64_t body = size_error ? 0 : size - data_start;
  std::vector<Part> parts;
  // Below this a second thread costs about what it saves.
  constexpr int64_t kMinSplitBytes = int64_t{128} << 10;
  if (max_parts <= 1 || body < kMinSplitBytes) {
    parts.push_back(Part{*std::move(first), body / 2 + 1});  // a line holds >= 2 bytes
    return parts;
  }
  // One pass over the records, following the parser's quoting: only a line
  // break outside quotes ends a record. Counting every line break gives each
  // part its first line number.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return OpenError(path, errno, "cannot open");
  std::setvbuf(f, nullptr, _IONBF, 0);
  std::vector<std::pair<int64_t, int64_t>> starts{{data_start, first_line}};  // offset, line
  bool failed = std::fseek(f, static_cast<long>(data_start), SEEK_SET) != 0;
  std::vector<char> chunk(size_t{1} << 20);
  int next_part = 1;
  CsvRecordScanner scanner(opts.delimiter, opts.quote);
  size_t n;
  while (!failed && (n = std::fread(chunk.data(), 1, chunk.size(), f)) > 0) {
    scanner.Feed(chunk.data(), n, [&](int64_t record_start) {
      const int64_t at = data_start + record_start;
      if (next_part < max_parts && at >= data_start + body * next_part / max_parts) {
        if (at < size) starts.emplace_back(at, first_line + scanner.line_breaks());
        while (next_part < max_parts && at >= data_start + body * next_part / max_parts) {
          ++next_part;
        }
      }
    });
  }
  const int64_t newlines = scanner.line_breaks();
  failed = failed || std::ferror(f);
  std::fclose(f);
  if (failed) return OpenError(path, errno, "read error");
  if (starts.size() == 1) {
    parts.push_back(Part{*std::move(first), newlines + 1});
    return parts;
  }
  const int64_t last_line = first_line + newlines;  // a final line without a break counts
  for (size_t k = 0; k < starts.size(); ++k) {
    const auto [begin, line] = starts[k];
    const int64_t end = k + 1 < starts.size() ? starts[k + 1].first : size;
    const int64_t next_line = k + 1 < starts.size() ? starts[k + 1].second : last_line + 1;
    std::unique_ptr<CsvReader> r(new CsvReader(path, opts));
    r->file_ = std::fopen(path.c_str(), "rb");
    if (r->file_ == nullptr) return OpenError(path, errno, "cannot open");
    std::setvbuf(r->file_, nullptr, _IONBF, 0);
    if (std::fseek(r->file_, static_cast<long>(begin), SEEK_SET) != 0) {
      return OpenError(path, errno, "cannot seek");
    }
    r->file_limit_ = end - begin;
    r->header_ = head.header_;
    r->next_line_ = line;
    r->cap_ = std::max(opts.read_buffer_size, kMinBufferSize);
    r->buf_.reset(new char[r->cap_]);
    r->fields_.reserve(r->header_.columns.size());
    parts.push_back(Part{std::move(r), next_line - line});
  }
  return parts;
}

absl::StatusOr<std::unique_ptr<CsvReader>> CsvReader::OpenString(std::string name,
                                                                 std::string contents,
                                                                 CsvOptions opts) {
  std::unique_ptr<CsvReader> r(new CsvReader(std::move(name), opts));
  r->text_ = std::move(contents);
  absl::Status s = r->Init();
  if (!s.ok()) return s;
  return r;
}

absl::Status CsvReader::Init() {
  const char d = opts_.delimiter;
  const char a = opts_.array_delimiter;
  const char q = opts_.quote;
  auto is_eol = [](char c) { return c == '\n' || c == '\r'; };
  if (d == a || d == q || a == q || is_eol(d) || is_eol(a) || is_eol(q)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path_,
                     ": invalid CsvOptions: delimiter, array delimiter and quote must be "
                     "distinct and not line breaks"));
  }
  cap_ = std::max(opts_.read_buffer_size, kMinBufferSize);
  buf_.reset(new char[cap_]);
  absl::Status s = Refill();
  if (!s.ok()) return s;
  if (end_ - pos_ >= 3 && std::memcmp(buf_.get() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;

  absl::StatusOr<bool> got = ReadRecord();
  if (!got.ok()) return got.status();
  if (!*got) return ParseError(next_line_, "empty file: expected a header line");
  std::vector<std::string_view> names;
  names.reserve(fields_.size());
  for (int i = 0; i < num_fields(); ++i) names.push_back(raw_field(i));
  absl::StatusOr<CsvHeader> h = ParseCsvHeader(names, path_, record_line_);
  if (!h.ok()) return h.status();
  header_ = *std::move(h);
  fields_.reserve(header_.columns.size());
  return absl::OkStatus();
}

absl::Status CsvReader::Refill() {
  char* buf = buf_.get();
  if (pos_ > 0) {
    std::memmove(buf, buf + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == cap_) {
    // One record fills the buffer; grow geometrically so re-scanning the
    // partial record after each refill stays linear overall.
    const size_t new_cap = cap_ * 2;
    std::unique_ptr<char[]> bigger(new char[new_cap]);
    std::memcpy(bigger.get(), buf, end_);
    buf_ = std::move(bigger);
    cap_ = new_cap;
    buf = buf_.get();
  }
  while (end_ < cap_ && !eof_) {
    size_t n;
    if (file_ != nullptr) {
      size_t want = cap_ - end_;
      if (file_limit_ >= 0) want = std::min(want, static_cast<size_t>(file_limit_));
      n = want == 0 ? 0 : std::fread(buf + end_, 1, want, file_);
      if (file_limit_ >= 0) file_limit_ -= static_cast<int64_t>(n);
      if (n == 0) {
        if (std::ferror(file_)) {
          absl::Status s = OpenError(path_, errno, "read error");
          status_ = s;
          return s;
        }
        eof_ = true;
      }
    } else {
      n = std::min(cap_ - end_, text_.size() - text_pos_);
      std::memcpy(buf + end_, text_.data() + text_pos_, n);
      text_pos_ += n;
      if (text_pos_ == text_.size()) eof_ = true;
    }
    end_ += n;
    bytes_read_ += static_cast<int64_t>(n);
  }
  return absl::OkStatus();
}

CsvReader::ParseResult CsvReader::ParseRecord() {
  char* const rec = buf_.get() + pos_;
  char* const end = buf_.get() + end_;
  const char q = opts_.quote;
  const char d = opts_.delimiter;
  fields_.clear();

  char* nl = static_cast<char*>(std::memchr(rec, '\n', end - rec));
  if (nl == nullptr && !eof_) return ParseResult::kNeedMore;
  char* le = nl != nullptr ? nl : end;  // end of the record's current line
  if (le == rec || (le == rec + 1 && *rec == '\r')) {
    pos_ = (nl != nullptr ? nl + 1 : end) - buf_.get();
    ++next_line_;
    return ParseResult::kBlank;
  }

  int64_t newlines = 0;  // inside quoted fields of this record so far
  char* p = rec;
  for (;;) {
    if (p < le && *p == q) {
      char* s = p + 1;
      bool escaped = false;
      char* c;
      for (;;) {
        c = static_cast<char*>(std::memchr(s, q, end - s));
        if (c == nullptr) {
          if (!eof_) return ParseResult::kNeedMore;
          const int64_t line = next_line_ + std::count(rec, p, '\n');
          status_ = ParseError(line,
                               "unterminated quoted field: no closing quote before "
                               "end of file");
          return ParseResult::kError;
        }
        // A quote as the last byte may be the first half of "".
        if (c + 1 == end && !eof_) return ParseResult::kNeedMore;
        if (c + 1 < end && c[1] == q) {
          escaped = true;
          s = c + 2;
          continue;
        }
        break;
      }
      newlines += std::count(p + 1, c, '\n');
      if (c > le) {
        // The quoted field ran past the line end we had found.
        nl = static_cast<char*>(std::memchr(c + 1, '\n', end - (c + 1)));
        if (nl == nullptr && !eof_) return ParseResult::kNeedMore;
        le = nl != nullptr ? nl : end;
      }
      fields_.push_back({p + 1, static_cast<size_t>(c - (p + 1)), true, escaped});
      char* after = c + 1;
      if (after == le) break;
      if (*after == d) {
        p = after + 1;
        continue;
      }
      if (*after == '\r' && after + 1 == le) break;
      // Neo4j rejects this too: silently gluing `"a"b` into `ab` hides
      // broken quoting.
      status_ = ParseError(next_line_ + newlines,
                           absl::StrCat("unexpected character '", absl::string_view(after, 1),
                                        "' after closing quote of field ", fields_.size()));
      return ParseResult::kError;
    }
    char* dp = static_cast<char*>(std::memchr(p, d, le - p));
    if (dp != nullptr) {
      fields_.push_back({p, static_cast<size_t>(dp - p), false, false});
      p = dp + 1;
      continue;
    }
    char* fe = le;
    if (fe > p && fe[-1] == '\r') --fe;
    fields_.push_back({p, static_cast<size_t>(fe - p), false, false});
    break;
  }

  for (Field& f : fields_) {
    if (!f.escaped) continue;
    // Collapsing "" only shrinks the text, so it can be done in place; this
    // is safe now that the record is complete and will not be re-scanned.
    char* w = f.data;
    const char* r = f.data;
    const char* const e = f.data + f.size;
    while (r < e) {
      const char* c = static_cast<const char*>(std::memchr(r, q, e - r));
      if (c == nullptr) c = e;
      const size_t n = c - r;
      if (w != r) std::memmove(w, r, n);
      w += n;
      r = c;
      if (r < e) {
        *w++ = q;
        r += 2;
      }
    }
    f.size = static_cast<size_t>(w - f.data);
    f.escaped = false;
  }

  pos_ = (nl != nullptr ? nl + 1 : end) - buf_.get();
  record_line_ = next_line_;
  next_line_ += 1 + newlines;
  return ParseResult::kRecord;
}

absl::StatusOr<bool> CsvReader::ReadRecord() {
  for (;;) {
    if (pos_ == end_) {
      if (eof_) return false;
      absl::Status s = Refill();
      if (!s.ok()) return s;
      continue;
    }
    switch (ParseRecord()) {
      case ParseResult::kRecord:
        return true;
      case ParseResult::kBlank:
        break;
      case ParseResult::kError:
        return status_;
      case ParseResult::kNeedMore: {
        if (end_ - pos_ >= opts_.max_record_bytes) {
          status_ =
              ParseError(next_line_, absl::StrCat("record is larger than max_record_bytes (",
                                                  opts_.max_record_bytes, "); unbalanced quote?"));
          return status_;
        }
        absl::Status s = Refill();
        if (!s.ok()) return s;
        break;
      }
    }
  }
}

absl::StatusOr<bool> CsvReader::Next() {
  if (!status_.ok()) return status_;
  if (done_) return false;
  absl::StatusOr<bool> got = ReadRecord();
  if (!got.ok()) {
    status_ = got.status();
    return status_;
  }
  if (!*got) {
    done_ = true;
    fields_.clear();
    return false;
  }
  if (fields_.size() != header_.columns.size()) {
    status_ = ParseError(record_line_, absl::StrCat("expected ", header_.columns.size(),
                                                    " fields, found ", fields_.size()));
    return status_;
  }
  return true;
}

absl::Status CsvReader::ParseError(int64_t line, std::string_view reason) const {
  return absl::InvalidArgumentError(absl::StrCat(path_, ":", line, ": ", AV(reason)));
}

absl::Status CsvReader::Error(std::string_view reason) const {
  return ParseError(record_line_, reason);
}

absl::Status CsvReader::ConvertError(int i, Value::Type type, bool in_array, std::string_view got,
                                     std::string_view detail) const {
  return ParseError(
      record_line_,
      absl::StrCat("column '", header_.columns[i].DisplayName(), "' expects ", AV(TypeWord(type)),
                   in_array ? "[] element" : "", ", got ", QuoteForMessage(got), AV(detail)));
}

absl::StatusOr<Value> CsvReader::ConvertScalar(int i, Value::Type type, std::string_view text,
                                               bool quoted, bool in_array) const {
  if (type == Value::Type::kString) {
    if (opts_.trim_strings && (!quoted || in_array)) text = TrimBlanks(text);
    if (text.empty() && !quoted && !in_array) return Value();
    const size_t bad = FindInvalidUtf8(text);
    if (bad != std::string_view::npos) {
      return ParseError(
          record_line_,
          absl::StrCat("column '", header_.columns[i].DisplayName(), "' has invalid UTF-8 at byte ",
                       bad, in_array ? " of an array element" : " of the field"));
    }
    return Value::String(std::string(text));
  }

  const std::string_view original = text;
  text = TrimBlanks(text);
  if (text.empty()) {
    if (in_array) return ConvertError(i, type, in_array, original, "");
    return Value();  // "" and whitespace carry no number or boolean
  }
  const char* b = text.data();
  const char* e = b + text.size();
  // from_chars takes '-' but not '+', which Java's parsers (and so Neo4j) take.
  if (*b == '+' && e - b > 1 && b[1] != '-' && b[1] != '+') ++b;

  switch (type) {
    case Value::Type::kInt: {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(b, e, v);
      if (ec == std::errc::result_out_of_range) {
        return ConvertError(i, type, in_array, original, " (out of range)");
      }
      if (ec != std::errc() || ptr != e) return ConvertError(i, type, in_array, original, "");
      return Value::Int(v);
    }
    case Value::Type::kDouble: {
      double v = 0;
      auto [ptr, ec] = std::from_chars(b, e, v);
      // Java would give Infinity or 0 here; a typo'd exponent is likelier than
      // an intended infinity, so say so instead.
      if (ec == std::errc::result_out_of_range) {
        return ConvertError(i, type, in_array, original, " (out of range)");
      }
      if (ec != std::errc() || ptr != e) return ConvertError(i, type, in_array, original, "");
      return Value::Double(v);
    }
    case Value::Type::kBool: {
      // Neo4j reads anything but "true" as false; a typo there would silently
      // flip data, so only the two words are accepted.
      if (absl::EqualsIgnoreCase(AV(text), "true")) return Value::Bool(true);
      if (absl::EqualsIgnoreCase(AV(text), "false")) return Value::Bool(false);
      return ConvertError(i, type, in_array, original, "");
    }
    default:
      return ConvertError(i, type, in_array, original, "");
  }
}

absl::StatusOr<Value> CsvReader::TypedField(int i) const {
  if (i < 0 || i >= num_fields()) {
    return absl::OutOfRangeError(
        absl::StrCat(path_, ":", record_line_, ": no field ", i, " in this record"));
  }
  const CsvColumn& col = header_.columns[i];
  const Field& f = fields_[i];
  const std::string_view text(f.data, f.size);

  switch (col.kind) {
    case CsvColumn::Kind::kIgnore:
      return Value();
    case CsvColumn::Kind::kId:
    case CsvColumn::Kind::kStartId:
    case CsvColumn::Kind::kEndId:
    case CsvColumn::Kind::kType: {
      if (text.empty()) return Value();
      if (FindInvalidUtf8(text) != std::string_view::npos) {
        return ParseError(record_line_,
                          absl::StrCat("column '", col.DisplayName(), "' has invalid UTF-8"));
      }
      return Value::String(std::string(text));
    }
    case CsvColumn::Kind::kLabel: {
      Value::List labels;
      labels.reserve(1 + std::count(text.begin(), text.end(), opts_.array_delimiter));
      size_t start = 0;
      while (start <= text.size()) {
        size_t stop = text.find(opts_.array_delimiter, start);
        if (stop == std::string_view::npos) stop = text.size();
        const std::string_view label = TrimBlanks(text.substr(start, stop - start));
        if (!label.empty()) {
          if (FindInvalidUtf8(label) != std::string_view::npos) {
            return ParseError(record_line_,
                              absl::StrCat("column '", col.DisplayName(), "' has invalid UTF-8"));
          }
          labels.push_back(Value::String(std::string(label)));
        }
        start = stop + 1;
      }
      if (labels.empty()) return Value();
      return Value::MakeList(std::move(labels));
    }
    case CsvColumn::Kind::kProperty:
      break;
  }

  if (!col.is_array) return ConvertScalar(i, col.type, text, f.quoted, false);
  if (text.empty()) return Value();
  Value::List items;
  items.reserve(1 + std::count(text.begin(), text.end(), opts_.array_delimiter));
  size_t start = 0;
  for (;;) {
    size_t stop = text.find(opts_.array_delimiter, start);
    const bool last = stop == std::string_view::npos;
    if (last) stop = text.size();
    absl::StatusOr<Value> item =
        ConvertScalar(i, col.type, text.substr(start, stop - start), f.quoted, true);
    if (!item.ok()) return item.status();
    items.push_back(*std::move(item));
    if (last) break;
    start = stop + 1;
  }
  return Value::MakeList(std::move(items));
}

}  // namespace alliance::storage

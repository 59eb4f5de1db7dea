// Tests for CsvReader: header syntax, record splitting, typed conversion and
// the exact "PATH:LINE: reason" error messages the importer surfaces.
#include "storage/csv_reader.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <tuple>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/temp_dir.h"

namespace alliance::storage {
namespace {

using Kind = CsvColumn::Kind;
using Type = Value::Type;

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

std::unique_ptr<CsvReader> MustOpen(const std::string& text, CsvOptions opts = {}) {
  auto r = CsvReader::OpenString("t.csv", text, opts);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : nullptr;
}

absl::Status HeaderStatus(const std::string& header_line) {
  return CsvReader::OpenString("h.csv", header_line + "\n", {}).status();
}

// A record as text for easy comparison: fields joined by '|', null as <null>.
std::vector<std::string> ReadAllRaw(CsvReader& r, std::vector<int64_t>* lines = nullptr) {
  std::vector<std::string> out;
  for (;;) {
    absl::StatusOr<bool> more = r.Next();
    EXPECT_TRUE(more.ok()) << more.status();
    if (!more.ok() || !*more) break;
    std::string rec;
    for (int i = 0; i < r.num_fields(); ++i) {
      if (i > 0) rec += "|";
      rec += r.field_is_null(i) ? "<null>" : std::string(r.raw_field(i));
    }
    out.push_back(rec);
    if (lines != nullptr) lines->push_back(r.line());
  }
  return out;
}

// Reads records until the first error and returns it (OK if none).
absl::Status FirstError(const std::string& text, CsvOptions opts = {}) {
  auto r = CsvReader::OpenString("t.csv", text, opts);
  if (!r.ok()) return r.status();
  for (;;) {
    absl::StatusOr<bool> more = (*r)->Next();
    if (!more.ok()) return more.status();
    if (!*more) return absl::OkStatus();
    for (int i = 0; i < (*r)->num_fields(); ++i) {
      absl::StatusOr<Value> v = (*r)->TypedField(i);
      if (!v.ok()) return v.status();
    }
  }
}

Value StrList(std::vector<std::string> items) {
  Value::List l;
  for (auto& s : items) l.push_back(Value::String(s));
  return Value::MakeList(std::move(l));
}

// ---------------------------------------------------------------- headers

// Every value type name maps to its Value type; `[]` makes an array; a bare
// name is a string property.
TEST(CsvHeaderTest, ParsesEveryValueTypeAndArrays) {
  auto r = MustOpen(
      "a:int,b:long,c:short,d:byte,e:float,f:double,g:boolean,h:string,i:char,j,"
      "k:int[],l:double[],m:boolean[],n:string[]\n");
  ASSERT_NE(r, nullptr);
  const auto& cols = r->header().columns;
  ASSERT_EQ(cols.size(), 14u);
  const Type want[] = {Type::kInt,    Type::kInt,    Type::kInt,    Type::kInt,    Type::kDouble,
                       Type::kDouble, Type::kBool,   Type::kString, Type::kString, Type::kString,
                       Type::kInt,    Type::kDouble, Type::kBool,   Type::kString};
  for (size_t i = 0; i < cols.size(); ++i) {
    EXPECT_EQ(cols[i].kind, Kind::kProperty) << i;
    EXPECT_EQ(cols[i].type, want[i]) << i;
    EXPECT_EQ(cols[i].is_array, i >= 10) << i;
    EXPECT_EQ(cols[i].name, std::string(1, static_cast<char>('a' + i)));
  }
  EXPECT_TRUE(r->header().is_node_file());
  EXPECT_FALSE(r->header().is_relationship_file());
  EXPECT_EQ(r->header().id_column, -1);
}

// neo4j-admin matches type names case-insensitively (":ID", ":Id", "INT").
TEST(CsvHeaderTest, TypeNamesAreCaseInsensitive) {
  auto r = MustOpen("id:Id,age:INT,tags:String[],:label\n");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->header().id_column, 0);
  EXPECT_EQ(r->header().columns[1].type, Type::kInt);
  EXPECT_TRUE(r->header().columns[2].is_array);
  EXPECT_EQ(r->header().label_column, 3);
}

// :ID, a named id:ID(Group) (whose name is the property to store the id
// under), :LABEL and :IGNORE in a node header.
TEST(CsvHeaderTest, NodeSpecialColumns) {
  auto r = MustOpen("personId:ID(Person),name,:LABEL,junk:IGNORE\n");
  ASSERT_NE(r, nullptr);
  const CsvHeader& h = r->header();
  EXPECT_TRUE(h.is_node_file());
  EXPECT_EQ(h.id_column, 0);
  EXPECT_EQ(h.columns[0].kind, Kind::kId);
  EXPECT_EQ(h.columns[0].name, "personId");
  EXPECT_EQ(h.columns[0].id_group, "Person");
  EXPECT_EQ(h.columns[0].type, Type::kString);
  EXPECT_EQ(h.label_column, 2);
  EXPECT_EQ(h.columns[2].kind, Kind::kLabel);
  EXPECT_TRUE(h.columns[2].is_array);
  EXPECT_EQ(h.columns[3].kind, Kind::kIgnore);
  EXPECT_EQ(h.columns[3].type, Type::kNull);

  auto bare = MustOpen(":ID,name\n");
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->header().columns[0].kind, Kind::kId);
  EXPECT_EQ(bare->header().columns[0].name, "");  // no id property to store
  EXPECT_EQ(bare->header().columns[0].id_group, "");
  EXPECT_EQ(bare->header().columns[0].DisplayName(), ":ID");
}

// :START_ID(Group), :END_ID(Group) and :TYPE make a relationship header; the
// group may itself contain a colon.
TEST(CsvHeaderTest, RelationshipSpecialColumns) {
  auto r = MustOpen(":START_ID(Person),since:int,:END_ID(Org:Unit),:TYPE\n");
  ASSERT_NE(r, nullptr);
  const CsvHeader& h = r->header();
  EXPECT_TRUE(h.is_relationship_file());
  EXPECT_FALSE(h.is_node_file());
  EXPECT_EQ(h.start_column, 0);
  EXPECT_EQ(h.columns[0].id_group, "Person");
  EXPECT_EQ(h.end_column, 2);
  EXPECT_EQ(h.columns[2].kind, Kind::kEndId);
  EXPECT_EQ(h.columns[2].id_group, "Org:Unit");
  EXPECT_EQ(h.type_column, 3);
  EXPECT_EQ(h.columns[1].name, "since");

  auto plain = MustOpen(":START_ID,:END_ID\n");
  ASSERT_NE(plain, nullptr);
  EXPECT_TRUE(plain->header().is_relationship_file());
  EXPECT_EQ(plain->header().type_column, -1);  // the importer may default it
}

// Every malformed header is rejected at line 1, naming the column.
TEST(CsvHeaderTest, BadHeadersAreRejectedWithTheColumnNamed) {
  EXPECT_EQ(Msg(HeaderStatus("name,age:integer")),
            "h.csv:1: column 'age:integer' has unknown type 'integer'");
  EXPECT_EQ(Msg(HeaderStatus("when:datetime")),
            "h.csv:1: column 'when:datetime' has type 'datetime', which is not supported");
  EXPECT_EQ(Msg(HeaderStatus("name,:int")), "h.csv:1: column 2 (':int') has no name");
  EXPECT_EQ(Msg(HeaderStatus("name,,age")), "h.csv:1: column 2 has an empty header");
  EXPECT_EQ(Msg(HeaderStatus("name,age:")), "h.csv:1: column 'age:' has an empty type");
  EXPECT_EQ(Msg(HeaderStatus("name,age:int,name:string")),
            "h.csv:1: duplicate column name 'name' (column 3)");
  EXPECT_EQ(Msg(HeaderStatus("id:ID,id:string")), "h.csv:1: duplicate column name 'id' (column 2)");
  EXPECT_EQ(Msg(HeaderStatus("a:ID,name,b:ID(G)")),
            "h.csv:1: two :ID columns: 'a:ID' (column 1) and 'b:ID(G)' (column 3)");
  EXPECT_EQ(Msg(HeaderStatus(":LABEL,:LABEL")),
            "h.csv:1: two :LABEL columns: ':LABEL' (column 1) and ':LABEL' (column 2)");
  EXPECT_EQ(Msg(HeaderStatus("age:int(G)")),
            "h.csv:1: column 'age:int(G)': only ID, START_ID and END_ID take a (Group)");
  EXPECT_EQ(Msg(HeaderStatus(":ID[]")),
            "h.csv:1: column ':ID[]': special columns cannot be arrays");
  EXPECT_EQ(Msg(HeaderStatus("tags:string[")),
            "h.csv:1: column 'tags:string[' has a malformed type 'string['; arrays are "
            "written type[]");
  EXPECT_EQ(Msg(HeaderStatus(":ID(")),
            "h.csv:1: column ':ID(' has a malformed ID group; expected (Group)");
  EXPECT_EQ(Msg(HeaderStatus(":START_ID,x")),
            "h.csv:1: relationship header has :START_ID but no :END_ID");
  EXPECT_EQ(Msg(HeaderStatus(":ID,:START_ID,:END_ID")),
            "h.csv:1: header mixes node columns (:ID/:LABEL) with relationship columns "
            "(:START_ID/:END_ID)");
  EXPECT_EQ(Msg(HeaderStatus(":ID,:TYPE")),
            "h.csv:1: :TYPE column in a node header (no :START_ID/:END_ID)");
  EXPECT_EQ(HeaderStatus("name,age:integer").code(), absl::StatusCode::kInvalidArgument);
}

// A file with nothing (or only blank lines, or only a BOM) has no header.
TEST(CsvHeaderTest, EmptyFileIsAnError) {
  EXPECT_EQ(Msg(CsvReader::OpenString("e.csv", "", {}).status()),
            "e.csv:1: empty file: expected a header line");
  EXPECT_EQ(Msg(CsvReader::OpenString("e.csv", "\n\r\n", {}).status()),
            "e.csv:3: empty file: expected a header line");
  EXPECT_FALSE(CsvReader::OpenString("e.csv", "\xEF\xBB\xBF", {}).ok());
}

// The header can come from elsewhere (neo4j-admin's separate header files).
TEST(CsvHeaderTest, ParseCsvHeaderIsUsableOnItsOwn) {
  absl::StatusOr<CsvHeader> h = ParseCsvHeader({"id:ID", " age:int "}, "hdr.csv", 1);
  ASSERT_TRUE(h.ok()) << h.status();
  EXPECT_EQ(h->columns[1].name, "age");  // blanks around entries are ignored
  EXPECT_EQ(Msg(ParseCsvHeader({"x:nope"}, "hdr.csv", 7).status()),
            "hdr.csv:7: column 'x:nope' has unknown type 'nope'");
}

// ---------------------------------------------------------- record splitting

// "" inside a quoted field is one quote, and quoting keeps delimiters.
TEST(CsvSplitTest, DoubledQuotesAndDelimitersInsideQuotes) {
  auto r = MustOpen("a,b,c\n\"say \"\"hi\"\"\",\"x,y\",\"\"\"\"\n\"\"\"start\",\"end\"\"\",z\n");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ReadAllRaw(*r), (std::vector<std::string>{"say \"hi\"|x,y|\"", "\"start|end\"|z"}));
}

// Quoted fields may hold newlines (LF and CRLF, kept verbatim); line() is the
// line where each record starts, so later records still report true lines.
TEST(CsvSplitTest, NewlinesInsideQuotesSpanLines) {
  auto r = MustOpen("a,b\n\"line1\nline2\",x\n\"p\r\nq\r\n\",y\nlast,z\n");
  ASSERT_NE(r, nullptr);
  std::vector<int64_t> lines;
  EXPECT_EQ(ReadAllRaw(*r, &lines),
            (std::vector<std::string>{"line1\nline2|x", "p\r\nq\r\n|y", "last|z"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 4, 7}));
}

// CRLF line ends are stripped, including after a quoted last field.
TEST(CsvSplitTest, CrlfLineEnds) {
  auto r = MustOpen("a,b\r\n1,2\r\n\"3\",\"4\"\r\n5,\r\n");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ReadAllRaw(*r), (std::vector<std::string>{"1|2", "3|4", "5|<null>"}));
  EXPECT_EQ(r->header().columns[1].name, "b");  // no stray '\r' in the header
}

// A UTF-8 byte order mark does not become part of the first column's name.
TEST(CsvSplitTest, ByteOrderMarkIsSkipped) {
  auto r = MustOpen("\xEF\xBB\xBFid:ID,name\n1,x\n");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->header().columns[0].kind, Kind::kId);
  EXPECT_EQ(r->header().columns[0].name, "id");
  EXPECT_EQ(ReadAllRaw(*r), (std::vector<std::string>{"1|x"}));
}

// The last record needs no newline, quoted or not, LF or CR-terminated.
TEST(CsvSplitTest, MissingFinalNewline) {
  auto r = MustOpen("a,b\n1,2\n3,4");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ReadAllRaw(*r), (std::vector<std::string>{"1|2", "3|4"}));
  auto q = MustOpen("a,b\n1,\"x\"");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(ReadAllRaw(*q), (std::vector<std::string>{"1|x"}));
  auto c = MustOpen("a,b\r\n1,\"x\"\r");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(ReadAllRaw(*c), (std::vector<std::string>{"1|x"}));
  auto h = MustOpen("a,b");  // header only, no newline: zero records
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(ReadAllRaw(*h).size(), 0u);
}

// Blank lines (LF or CRLF) anywhere are skipped and still counted in line().
TEST(CsvSplitTest, BlankLinesAreSkipped) {
  auto r = MustOpen("\na,b\n\n1,2\r\n\r\n\n3,4\n\n");
  ASSERT_NE(r, nullptr);
  std::vector<int64_t> lines;
  EXPECT_EQ(ReadAllRaw(*r, &lines), (std::vector<std::string>{"1|2", "3|4"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{4, 7}));
}

// A quote inside an unquoted field is an ordinary character (as in Neo4j).
TEST(CsvSplitTest, QuoteInsideUnquotedFieldIsLiteral) {
  auto r = MustOpen("a,b\n5'2\",x\"y\"\n");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ReadAllRaw(*r), (std::vector<std::string>{"5'2\"|x\"y\""}));
}

// Custom field delimiter '|' and array delimiter ','.
TEST(CsvSplitTest, PipeDelimiterAndCustomArrayDelimiter) {
  CsvOptions opts;
  opts.delimiter = '|';
  opts.array_delimiter = ',';
  auto r = MustOpen("id:ID|tags:string[]|n:int[]\n1|a,b|\"1,2\"\n", opts);
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(r->raw_field(1), "a,b");
  EXPECT_EQ(*r->TypedField(1), StrList({"a", "b"}));
  EXPECT_EQ(*r->TypedField(2), Value::MakeList({Value::Int(1), Value::Int(2)}));
}

// Tab-separated files, with commas being ordinary text.
TEST(CsvSplitTest, TabDelimiter) {
  CsvOptions opts;
  opts.delimiter = '\t';
  auto r = MustOpen("name\tn:int\nSmith, J.\t 7\n", opts);
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(r->raw_field(0), "Smith, J.");
  EXPECT_EQ(*r->TypedField(1), Value::Int(7));
}

// Options that would make records ambiguous are refused up front.
TEST(CsvSplitTest, ConflictingOptionsAreRejected) {
  CsvOptions opts;
  opts.array_delimiter = ',';
  EXPECT_EQ(CsvReader::OpenString("t.csv", "a\n", opts).status().code(),
            absl::StatusCode::kInvalidArgument);
  opts = {};
  opts.delimiter = '\n';
  EXPECT_FALSE(CsvReader::OpenString("t.csv", "a\n", opts).ok());
}

// Wrong field counts, too few or too many, report the record's line.
TEST(CsvSplitTest, WrongFieldCount) {
  EXPECT_EQ(Msg(FirstError("a,b,c\n1,2,3\n\n1,2\n")), "t.csv:4: expected 3 fields, found 2");
  EXPECT_EQ(Msg(FirstError("a,b\n1,2,\n")), "t.csv:2: expected 2 fields, found 3");
  // The line is where the record starts even when a quoted field spans lines.
  EXPECT_EQ(Msg(FirstError("a,b\n\"x\ny\",2,3\n")), "t.csv:2: expected 2 fields, found 3");
}

// An unterminated quote is reported at the line where its field opened, and
// the error is sticky.
TEST(CsvSplitTest, UnbalancedQuoteAtEof) {
  const std::string text = "a,b\n1,2\n3,\"open\nmore\nlines\n";
  EXPECT_EQ(Msg(FirstError(text)),
            "t.csv:3: unterminated quoted field: no closing quote before end of file");
  // Within a multi-line record the opening line counts, not the record start.
  EXPECT_EQ(Msg(FirstError("a,b\n\"x\ny\",\"open\n")),
            "t.csv:3: unterminated quoted field: no closing quote before end of file");
  auto r = MustOpen(text);
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(*r->Next());
  EXPECT_FALSE(r->Next().ok());
  EXPECT_FALSE(r->Next().ok());
}

// Text between a closing quote and the delimiter is rejected, not glued on.
TEST(CsvSplitTest, DataAfterClosingQuote) {
  EXPECT_EQ(Msg(FirstError("a,b\n\"x\"y,2\n")),
            "t.csv:2: unexpected character 'y' after closing quote of field 1");
}

// A runaway record is cut off by max_record_bytes instead of buffering the
// whole rest of the file.
TEST(CsvSplitTest, MaxRecordBytesBoundsMemory) {
  CsvOptions opts;
  opts.read_buffer_size = 16;
  opts.max_record_bytes = 64;
  std::string text = "a,b\n1,\"";
  text += std::string(1000, 'x');
  text += "\"\n";
  EXPECT_EQ(Msg(FirstError(text, opts)),
            "t.csv:2: record is larger than max_record_bytes (64); unbalanced quote?");
  opts.max_record_bytes = 4096;  // the same record fits once allowed
  EXPECT_TRUE(FirstError(text, opts).ok());
}

// Records straddling every possible refill boundary (including a "" pair, a
// CRLF and the BOM being split) parse exactly as with one big buffer.
TEST(CsvSplitTest, EveryBufferBoundaryGivesTheSameRecords) {
  const std::string text =
      "\xEF\xBB\xBF"
      "id:ID,text,n:int\r\n"
      "1,\"he said \"\"hi\"\", twice\",10\r\n"
      "\r\n"
      "2,\"multi\nline\r\nfield\",\r\n"
      "3,plain,30\n"
      "4,\"\",\"40\"\n"
      "5,\"" +
      std::string(70, 'z') + "\",50";
  auto reference = MustOpen(text);
  ASSERT_NE(reference, nullptr);
  std::vector<int64_t> want_lines;
  const std::vector<std::string> want = ReadAllRaw(*reference, &want_lines);
  ASSERT_EQ(want.size(), 5u);
  EXPECT_EQ(want[0], "1|he said \"hi\", twice|10");
  EXPECT_EQ(want_lines, (std::vector<int64_t>{2, 4, 7, 8, 9}));
  for (size_t size = 1; size <= text.size() + 1; ++size) {
    CsvOptions opts;
    opts.read_buffer_size = size;
    auto r = MustOpen(text, opts);
    ASSERT_NE(r, nullptr) << size;
    std::vector<int64_t> lines;
    EXPECT_EQ(ReadAllRaw(*r, &lines), want) << "buffer " << size;
    EXPECT_EQ(lines, want_lines) << "buffer " << size;
  }
}

// ------------------------------------------------------------ empty vs null

// Unquoted empty = absent; quoted "" = empty string for strings, null for
// everything else (there is no empty number).
TEST(CsvValueTest, EmptyVersusNull) {
  auto r = MustOpen("s,t,n:int,m:int,arr:string[],q:string[]\n,\"\",,\"\",,\"\"\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_TRUE(r->field_is_null(0));
  EXPECT_TRUE(r->TypedField(0)->is_null());
  EXPECT_FALSE(r->field_is_null(1));
  EXPECT_TRUE(r->field_is_quoted(1));
  EXPECT_EQ(*r->TypedField(1), Value::String(""));
  EXPECT_TRUE(r->TypedField(2)->is_null());
  EXPECT_TRUE(r->TypedField(3)->is_null());
  EXPECT_TRUE(r->TypedField(4)->is_null());  // empty array field: absent
  EXPECT_TRUE(r->TypedField(5)->is_null());
}

// ---------------------------------------------------------- typed conversion

TEST(CsvValueTest, IntConversionIncludingLimits) {
  auto r = MustOpen(
      "a:int,b:long,c:short,d:byte,e:int\n"
      "9223372036854775807,-9223372036854775808,+12, 42 ,-0\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(0), Value::Int(INT64_MAX));
  EXPECT_EQ(*r->TypedField(1), Value::Int(INT64_MIN));
  EXPECT_EQ(*r->TypedField(2), Value::Int(12));
  EXPECT_EQ(*r->TypedField(3), Value::Int(42));  // blanks around numbers are fine
  EXPECT_EQ(*r->TypedField(4), Value::Int(0));
}

// Garbage and overflow in int columns give exact PATH:LINE messages.
TEST(CsvValueTest, IntConversionErrors) {
  const std::string head = ":START_ID,:END_ID,since:int\n";
  EXPECT_EQ(Msg(FirstError(head + "1,2,3\n1,2,abc\n")),
            "t.csv:3: column 'since' expects int, got 'abc'");
  EXPECT_EQ(Msg(FirstError(head + "1,2,9223372036854775808\n")),
            "t.csv:2: column 'since' expects int, got '9223372036854775808' (out of range)");
  EXPECT_EQ(Msg(FirstError(head + "1,2,12x\n")), "t.csv:2: column 'since' expects int, got '12x'");
  EXPECT_EQ(Msg(FirstError(head + "1,2,1.5\n")), "t.csv:2: column 'since' expects int, got '1.5'");
  EXPECT_EQ(Msg(FirstError(head + "1,2,+\n")), "t.csv:2: column 'since' expects int, got '+'");
  EXPECT_EQ(Msg(FirstError(head + "1,2,--1\n")), "t.csv:2: column 'since' expects int, got '--1'");
  EXPECT_EQ(FirstError(head + "1,2,x\n").code(), absl::StatusCode::kInvalidArgument);
}

// Doubles accept what Neo4j (Java's parser) accepts: exponents, leading '.',
// signed zero, NaN and Infinity.
TEST(CsvValueTest, DoubleConversion) {
  auto r = MustOpen(
      "a:double,b:float,c:double,d:double,e:double,f:double,g:double\n"
      "1e3,.5,-0.0,NaN,Infinity,-Infinity,+2.25\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(r->TypedField(0)->as_double(), 1000.0);
  EXPECT_EQ(r->TypedField(1)->as_double(), 0.5);
  EXPECT_EQ(r->TypedField(2)->as_double(), 0.0);
  EXPECT_TRUE(std::signbit(r->TypedField(2)->as_double()));
  EXPECT_TRUE(std::isnan(r->TypedField(3)->as_double()));
  EXPECT_EQ(r->TypedField(4)->as_double(), INFINITY);
  EXPECT_EQ(r->TypedField(5)->as_double(), -INFINITY);
  EXPECT_EQ(r->TypedField(6)->as_double(), 2.25);
  EXPECT_EQ(r->TypedField(6)->type(), Type::kDouble);
}

TEST(CsvValueTest, DoubleConversionErrors) {
  EXPECT_EQ(Msg(FirstError("w:double\n1.2.3\n")), "t.csv:2: column 'w' expects float, got '1.2.3'");
  EXPECT_EQ(Msg(FirstError("w:double\n0x10\n")), "t.csv:2: column 'w' expects float, got '0x10'");
  EXPECT_EQ(Msg(FirstError("w:double\n1e400\n")),
            "t.csv:2: column 'w' expects float, got '1e400' (out of range)");
}

// Booleans are exactly true/false in any case; anything else is an error
// (Neo4j would silently read it as false).
TEST(CsvValueTest, BooleanConversion) {
  auto r = MustOpen("a:boolean,b:boolean,c:boolean\ntrue,FALSE,True\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(0), Value::Bool(true));
  EXPECT_EQ(*r->TypedField(1), Value::Bool(false));
  EXPECT_EQ(*r->TypedField(2), Value::Bool(true));
  EXPECT_EQ(Msg(FirstError("ok:boolean\nyes\n")),
            "t.csv:2: column 'ok' expects boolean, got 'yes'");
  EXPECT_EQ(Msg(FirstError("ok:boolean\n1\n")), "t.csv:2: column 'ok' expects boolean, got '1'");
}

// Arrays split on the array delimiter and convert each element; a bad or
// empty numeric element is an error naming the element.
TEST(CsvValueTest, ArrayConversion) {
  auto r = MustOpen("i:int[],d:double[],b:boolean[],s:string[]\n1;-2;3,.5;1e1,true;false,a;;b\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(0), Value::MakeList({Value::Int(1), Value::Int(-2), Value::Int(3)}));
  EXPECT_EQ(*r->TypedField(1), Value::MakeList({Value::Double(0.5), Value::Double(10)}));
  EXPECT_EQ(*r->TypedField(2), Value::MakeList({Value::Bool(true), Value::Bool(false)}));
  EXPECT_EQ(*r->TypedField(3), StrList({"a", "", "b"}));  // empty string element kept
  EXPECT_EQ(Msg(FirstError("n:int[]\n1;x;3\n")),
            "t.csv:2: column 'n' expects int[] element, got 'x'");
  EXPECT_EQ(Msg(FirstError("n:int[]\n1;;3\n")),
            "t.csv:2: column 'n' expects int[] element, got ''");
}

// :LABEL holds several labels; empty pieces are dropped; no labels is null.
TEST(CsvValueTest, MultipleLabels) {
  auto r = MustOpen(":ID,:LABEL\n1,Person;Student\n2,Person\n3,\n4,;Admin;\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(1), StrList({"Person", "Student"}));
  EXPECT_EQ(*r->TypedField(0), Value::String("1"));
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(1), StrList({"Person"}));
  ASSERT_TRUE(*r->Next());
  EXPECT_TRUE(r->TypedField(1)->is_null());
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(1), StrList({"Admin"}));
}

// Relationship fields are strings; :IGNORE yields null whatever it holds.
TEST(CsvValueTest, RelationshipFieldsAndIgnore) {
  auto r = MustOpen(":START_ID,:END_ID,:TYPE,x:IGNORE\na1,b2,KNOWS,whatever\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(0), Value::String("a1"));
  EXPECT_EQ(*r->TypedField(1), Value::String("b2"));
  EXPECT_EQ(*r->TypedField(2), Value::String("KNOWS"));
  EXPECT_TRUE(r->TypedField(3)->is_null());
  EXPECT_EQ(r->TypedField(4).status().code(), absl::StatusCode::kOutOfRange);
}

// trim_strings trims unquoted strings and string array elements, never the
// inside of quotes; without it blanks are data.
TEST(CsvValueTest, TrimStrings) {
  const std::string text = "a,b,c:string[]\n  x  ,\"  y  \", p ; q \n";
  auto plain = MustOpen(text);
  ASSERT_NE(plain, nullptr);
  ASSERT_TRUE(*plain->Next());
  EXPECT_EQ(*plain->TypedField(0), Value::String("  x  "));
  EXPECT_EQ(*plain->TypedField(2), StrList({" p ", " q "}));
  CsvOptions opts;
  opts.trim_strings = true;
  auto r = MustOpen(text, opts);
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(*r->TypedField(0), Value::String("x"));
  EXPECT_EQ(*r->TypedField(1), Value::String("  y  "));
  EXPECT_EQ(*r->TypedField(2), StrList({"p", "q"}));
}

// Invalid UTF-8 in a string value, array element, ID or header is an error
// naming line and column; overlongs and surrogates count as invalid.
TEST(CsvValueTest, InvalidUtf8) {
  EXPECT_EQ(Msg(FirstError("id:ID,name\n1,ok\n2,ab\xFF\n")),
            "t.csv:3: column 'name' has invalid UTF-8 at byte 2 of the field");
  EXPECT_EQ(Msg(FirstError("tags:string[]\nfine;\xC0\xAF\n")),
            "t.csv:2: column 'tags' has invalid UTF-8 at byte 0 of an array element");
  EXPECT_EQ(Msg(FirstError("s\n\xED\xA0\x80\n")),
            "t.csv:2: column 's' has invalid UTF-8 at byte 0 of the field");
  EXPECT_EQ(Msg(FirstError("s\nabc\xE2\x82\n")),  // truncated sequence
            "t.csv:2: column 's' has invalid UTF-8 at byte 3 of the field");
  EXPECT_EQ(Msg(FirstError(":ID,x\n\x80,1\n")), "t.csv:2: column ':ID' has invalid UTF-8");
  EXPECT_EQ(Msg(FirstError("na\xFFme\n")), "t.csv:1: column 1 header is not valid UTF-8");
  // Valid 4-byte sequences and long ASCII runs are fine.
  EXPECT_TRUE(FirstError("s\n\xF0\x9F\x98\x80 and a long ascii tail of text\n").ok());
}

// Korean (multi-byte UTF-8) names, values, labels and arrays survive as is,
// also through a real file.
TEST(CsvValueTest, KoreanTextRoundTrip) {
  const std::string text =
      "학번:ID(학생),이름,학과:string[],:LABEL\n"
      "20231234,\"김, 민준\",전산학부;수리과학과,학생;조교\n";
  const std::string path = ::testing::TempDir() + "/korean.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  for (int from_file = 0; from_file < 2; ++from_file) {
    auto opened = from_file ? CsvReader::Open(path, {}) : CsvReader::OpenString("k", text, {});
    ASSERT_TRUE(opened.ok()) << opened.status();
    CsvReader& r = **opened;
    EXPECT_EQ(r.header().columns[0].name, "학번");
    EXPECT_EQ(r.header().columns[0].id_group, "학생");
    EXPECT_EQ(r.header().columns[1].name, "이름");
    ASSERT_TRUE(*r.Next());
    EXPECT_EQ(*r.TypedField(1), Value::String("김, 민준"));
    EXPECT_EQ(*r.TypedField(2), StrList({"전산학부", "수리과학과"}));
    EXPECT_EQ(*r.TypedField(3), StrList({"학생", "조교"}));
    EXPECT_FALSE(*r.Next());
  }
  std::remove(path.c_str());
}

// Long offending values are cut in messages (at a character boundary).
TEST(CsvValueTest, LongBadValueIsTruncatedInMessage) {
  const std::string bad(100, '9');
  EXPECT_EQ(Msg(FirstError("n:int\n" + bad + "\n")), "t.csv:2: column 'n' expects int, got '" +
                                                         bad.substr(0, 64) +
                                                         "...' (100 bytes) (out of range)");
}

// The importer's own errors can share the reader's format.
TEST(CsvReaderTest, ErrorUsesPathAndRecordLine) {
  auto r = MustOpen("a\n\nx\n");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(*r->Next());
  EXPECT_EQ(r->line(), 3);
  EXPECT_EQ(Msg(r->Error("unknown node 'x'")), "t.csv:3: unknown node 'x'");
  EXPECT_EQ(r->path(), "t.csv");
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  auto r = CsvReader::Open("/nonexistent/dir/x.csv", {});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(Msg(r.status()).find("/nonexistent/dir/x.csv: cannot open"), std::string::npos);
}

// A generated 100k-row file on disk is read completely, with every record
// accounted for, through several buffer refills.
TEST(CsvReaderTest, ReadsLargeGeneratedFileCompletely) {
  const std::string path = ::testing::TempDir() + "/large_" + std::to_string(getpid()) + ".csv";
  constexpr int kRows = 100000;
  {
    std::ofstream out(path, std::ios::binary);
    out << "id:ID,name,age:int,score:double,:LABEL\n";
    for (int i = 0; i < kRows; ++i) {
      out << i << ",";
      if (i % 10 == 0) {
        out << "\"name, \"\"" << i << "\"\"\"";
      } else {
        out << "name" << i;
      }
      out << "," << (i % 100) << "," << i * 0.5 << ",Person\n";
    }
  }
  for (size_t buffer : {size_t{1} << 20, size_t{4096}}) {
    CsvOptions opts;
    opts.read_buffer_size = buffer;
    auto opened = CsvReader::Open(path, opts);
    ASSERT_TRUE(opened.ok()) << opened.status();
    CsvReader& r = **opened;
    int64_t rows = 0;
    int64_t age_sum = 0;
    for (;;) {
      absl::StatusOr<bool> more = r.Next();
      ASSERT_TRUE(more.ok()) << more.status();
      if (!*more) break;
      ASSERT_EQ(r.line(), rows + 2);
      ASSERT_EQ(r.raw_field(0), std::to_string(rows));
      if (rows % 10 == 0) {
        ASSERT_EQ(r.raw_field(1), "name, \"" + std::to_string(rows) + "\"");
      }
      absl::StatusOr<Value> age = r.TypedField(2);
      ASSERT_TRUE(age.ok()) << age.status();
      age_sum += age->as_int();
      ++rows;
    }
    EXPECT_EQ(rows, kRows);
    EXPECT_EQ(age_sum, int64_t{kRows / 100} * (99 * 100 / 2));
    EXPECT_EQ(r.bytes_read(),
              static_cast<int64_t>(std::ifstream(path, std::ios::ate | std::ios::binary).tellg()));
  }
  std::remove(path.c_str());
}

// Parts of an unquoted file cover every record exactly once, in order, with
// the line numbers a single reader reports.
TEST(CsvReaderPartsTest, PartsCoverEveryRecordWithTrueLines) {
  alliance::testing::TempDir dir;
  const std::string path = dir.Sub("big.csv");
  {
    std::ofstream out(path);
    out << ":START_ID,:END_ID\n";
    for (int i = 0; i < 200000; ++i) {
      out << "a" << i << ",b" << i << "\n";
      if (i % 1000 == 0) out << "\n";  // blank lines still count as lines
    }
  }
  auto whole = CsvReader::Open(path, {});
  ASSERT_TRUE(whole.ok());
  std::vector<std::pair<int64_t, std::string>> expected;
  while (*(*whole)->Next()) expected.emplace_back((*whole)->line(), std::string((*whole)->raw_field(0)));
  auto parts = CsvReader::OpenParts(path, {}, 3);
  ASSERT_TRUE(parts.ok()) << parts.status();
  EXPECT_EQ(parts->size(), 3u);
  std::vector<std::pair<int64_t, std::string>> got;
  for (auto& part : *parts) {
    int64_t records = 0;
    while (*part.reader->Next()) {
      got.emplace_back(part.reader->line(), std::string(part.reader->raw_field(0)));
      ++records;
    }
    EXPECT_LE(records, part.lines);
  }
  EXPECT_EQ(got, expected);
}

// Parts begin only where a record ends: line breaks inside quoted fields
// (also around the points where the file would be cut), doubled quotes, a
// quote inside an unquoted field and CRLF after a closing quote do not move
// any record or its line number.
TEST(CsvReaderPartsTest, QuotedFieldsWithLineBreaksStayWhole) {
  alliance::testing::TempDir dir;
  const std::string path = dir.Sub("quoted.csv");
  {
    std::vector<std::string> rows;
    for (int i = 0; i < 100000; ++i) {
      static const char* kNotes[] = {"\"two\nlines\"\n", "\"say \"\"hi\"\"\"\r\n", "5\" tall\n",
                                     "plain\n", "\"a,\n\nb\"\n"};
      rows.push_back("n" + std::to_string(i) + "," + kNotes[i % 5]);
    }
    std::string long_field;
    for (int k = 0; k < 200000; ++k) long_field += "x\n";
    const std::string header = "id:ID,note\n";
    size_t body = 2 * (long_field.size() + 8);
    for (const std::string& r : rows) body += r.size();
    // Each long field is centred on a point where a three-way cut would fall.
    std::string text = header;
    int inserted = 0;
    for (const std::string& r : rows) {
      text += r;
      const size_t cut = body * (inserted + 1) / 3;
      if (inserted < 2 && text.size() - header.size() + long_field.size() / 2 >= cut) {
        text += "long" + std::to_string(inserted) + ",\"" + long_field + "\"\n";
        ++inserted;
      }
    }
    std::ofstream(path, std::ios::binary) << text;
  }
  auto whole = CsvReader::Open(path, {});
  ASSERT_TRUE(whole.ok());
  std::vector<std::tuple<int64_t, std::string, std::string>> expected;
  while (*(*whole)->Next()) {
    expected.emplace_back((*whole)->line(), std::string((*whole)->raw_field(0)),
                          std::string((*whole)->raw_field(1)));
  }
  ASSERT_EQ(expected.size(), 100002u);
  // Small reads put quotes (also doubled ones) on the scan's chunk boundaries.
  for (size_t buffer : {size_t{1} << 20, size_t{1} << 12}) {
    CsvOptions opts;
    opts.read_buffer_size = buffer;
    auto parts = CsvReader::OpenParts(path, opts, 3);
    ASSERT_TRUE(parts.ok()) << parts.status();
    EXPECT_EQ(parts->size(), 3u);
    std::vector<std::tuple<int64_t, std::string, std::string>> got;
    for (auto& part : *parts) {
      while (true) {
        absl::StatusOr<bool> more = part.reader->Next();
        ASSERT_TRUE(more.ok()) << more.status();
        if (!*more) break;
        got.emplace_back(part.reader->line(), std::string(part.reader->raw_field(0)),
                         std::string(part.reader->raw_field(1)));
      }
    }
    EXPECT_EQ(got, expected) << buffer;
  }
}

}  // namespace
}  // namespace alliance::storage

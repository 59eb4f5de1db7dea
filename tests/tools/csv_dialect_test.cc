// The CSV export's fields and headers: what `alliancedb import` reads back
// unchanged, and the values it could not, which are refused.
#include "export/csv_dialect.h"

#include <gtest/gtest.h>

#include "export/csv_table_layout.h"

namespace alliance::tools {
namespace {

Value Strings(std::vector<std::string> items) {
  Value::List list;
  for (std::string& s : items) list.push_back(Value::String(std::move(s)));
  return Value::MakeList(std::move(list));
}

TEST(CsvDialectTest, HeaderFields) {
  EXPECT_EQ(*HeaderField("since", "int"), "since:int");
  EXPECT_EQ(*HeaderField("name", "string"), "name");  // untyped, as in the bundled data
  EXPECT_EQ(*HeaderField("aliases", "string[]"), "aliases:string[]");
  EXPECT_EQ(*HeaderField("a:b", "string"), "a:b:string");  // else it would read as type "b"
  EXPECT_EQ(*HeaderField("f(x:y)", "int"), "f(x:y):int");
  EXPECT_EQ(*HeaderField("a,b", "string"), "\"a,b\"");
  EXPECT_FALSE(HeaderField("", "int").ok());
  EXPECT_FALSE(HeaderField(" padded", "int").ok());         // the parser trims names
  EXPECT_FALSE(HeaderField("(open", "int").ok());           // its colon would be inside parentheses
  EXPECT_EQ(*HeaderField("(open:x", "string"), "(open:x");  // the colon stays in the name
}

TEST(CsvDialectTest, ValueFields) {
  EXPECT_EQ(*ValueField(Value::Int(2025)), "2025");
  EXPECT_EQ(*ValueField(Value::Int(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(*ValueField(Value::Double(22.0)), "22");  // the column type keeps it a double
  EXPECT_EQ(*ValueField(Value::Double(0.1)), "0.1");
  EXPECT_EQ(*ValueField(Value::Double(-0.0)), "-0");
  EXPECT_EQ(*ValueField(Value::Bool(false)), "false");
  EXPECT_EQ(*ValueField(Value::String("KAIST")), "KAIST");
  EXPECT_EQ(*ValueField(Value::String("")), "\"\"");  // an unquoted empty field is null
  EXPECT_EQ(*ValueField(Value::String("say \"hi\"")), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(*ValueField(Value::String("two\nlines")), "\"two\nlines\"");
  EXPECT_EQ(*ValueField(Value::String(" padded ")), "\" padded \"");
  EXPECT_EQ(*ValueField(Value::String("a;b")), "a;b");  // only list elements split
  EXPECT_EQ(*ValueField(Strings({"x", "", "y"})), "x;;y");
  EXPECT_EQ(*ValueField(Strings({"a,b", "c"})), "\"a,b;c\"");
  EXPECT_EQ(*ValueField(Value::MakeList({Value::Int(1), Value::Int(-2)})), "1;-2");
  EXPECT_FALSE(ValueField(Strings({"a;b"})).ok());
  EXPECT_FALSE(ValueField(Strings({})).ok());
  EXPECT_FALSE(ValueField(Strings({""})).ok());
}

TEST(CsvDialectTest, ColumnTypesAndLabels) {
  EXPECT_EQ(*ColumnType(Value::Double(1)), "double");
  EXPECT_EQ(*ColumnType(Value::Bool(true)), "boolean");
  EXPECT_EQ(*ColumnType(Strings({"a"})), "string[]");
  EXPECT_FALSE(ColumnType(Strings({})).ok());
  EXPECT_EQ(*LabelsField({"Organisation", "Lead"}), "Organisation;Lead");
  EXPECT_EQ(*LabelsField({}), "");
  EXPECT_FALSE(LabelsField({"A;B"}).ok());
  EXPECT_FALSE(LabelsField({" A"}).ok());
}

// A property with an int on one row and a string on another cannot share a
// typed column: the second row goes to a second file, and the writing pass
// finds the same file again.
TEST(CsvTableLayoutTest, ClashingTypesOpenAnotherPart) {
  CsvTableLayout layout;
  EXPECT_EQ(*layout.Place({{"n", Value::Int(1)}}), 0u);
  EXPECT_EQ(*layout.Place({{"n", Value::String("x")}, {"m", Value::Bool(true)}}), 1u);
  EXPECT_EQ(*layout.Place({{"name", Value::String("y")}, {"n", Value::Int(2)}}), 0u);
  EXPECT_EQ(*layout.Place({{"m", Value::Int(3)}}), 0u);  // part 0 has no m yet
  EXPECT_EQ(*layout.Find({{"n", Value::String("x")}, {"m", Value::Bool(true)}}), 1u);
  EXPECT_EQ(*layout.Find({{"m", Value::Int(3)}}), 0u);
  EXPECT_FALSE(layout.Place({{"e", Value::MakeList({})}}).ok());

  layout.OrderColumns({"name"});
  ASSERT_EQ(layout.parts().size(), 2u);
  std::vector<std::string> columns;
  for (const auto& c : layout.parts()[0].columns) columns.push_back(c.name + ":" + c.type);
  EXPECT_EQ(columns, (std::vector<std::string>{"name:string", "m:int", "n:int"}));
  EXPECT_EQ(*layout.Find({{"name", Value::String("z")}}), 0u);
}

}  // namespace
}  // namespace alliance::tools

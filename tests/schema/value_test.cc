#include "alliance/value.h"

#include <gtest/gtest.h>

namespace alliance {
namespace {

// Values print as Cypher literals, doubles always distinguishable from ints.
TEST(ValueTest, PrintsAsCypherLiterals) {
  EXPECT_EQ(Value().ToString(), "null");
  EXPECT_EQ(Value::Bool(true).ToString(), "true");
  EXPECT_EQ(Value::Int(-42).ToString(), "-42");
  EXPECT_EQ(Value::Double(1.0).ToString(), "1.0");
  EXPECT_EQ(Value::Double(0.1).ToString(), "0.1");
  EXPECT_EQ(Value::Double(1e300).ToString(), "1e+300");
  EXPECT_EQ(Value::Double(1000.0).ToString(), "1000.0");
  EXPECT_EQ(Value::Double(-180.25).ToString(), "-180.25");
  EXPECT_EQ(Value::Double(0.000123).ToString(), "0.000123");
  EXPECT_EQ(Value::String("it's").ToString(), "'it\\'s'");
  EXPECT_EQ(Value::MakeList({Value::String("카이스트"), Value::Int(1)}).ToString(),
            "['카이스트', 1]");
}

// Structural equality: an int is never equal to the same double.
TEST(ValueTest, EqualityIsStructural) {
  EXPECT_EQ(Value::Int(1), Value::Int(1));
  EXPECT_FALSE(Value::Int(1) == Value::Double(1.0));
  EXPECT_FALSE(Value::Bool(true) == Value::Int(1));
  EXPECT_EQ(Value(), Value());
  EXPECT_EQ(Value::MakeList({Value::Int(1)}), Value::MakeList({Value::Int(1)}));
}

// The type tags are embedded on disk and must not move.
TEST(ValueTest, TypeCodesAreStable) {
  EXPECT_EQ(static_cast<int>(Value::Type::kNull), 0);
  EXPECT_EQ(static_cast<int>(Value::Type::kString), 4);
  EXPECT_EQ(static_cast<int>(Value::Type::kList), 5);
  EXPECT_EQ(TypeName(Value::Type::kDouble), "double");
}

}  // namespace
}  // namespace alliance

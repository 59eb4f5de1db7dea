#include "schema/catalog.h"

#include <gtest/gtest.h>

namespace alliance::schema {
namespace {

PropertyMap Props(std::initializer_list<std::pair<const std::string, Value>> list) {
  return PropertyMap(list);
}

// A valid organisation passes; the message of each violation names the
// label, the property and the value.
TEST(CatalogTest, EnforcedSchemaAcceptsValidNode) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("KAIST")}, {"kind", Value::String("university")}});
  EXPECT_TRUE(c.ValidateNode({"Organisation"}, p).ok());
}

TEST(CatalogTest, UnknownLabelIsRefused) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("x")}});
  absl::Status s = c.ValidateNode({"Person"}, p);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown label 'Person'"), std::string::npos) << s;
}

TEST(CatalogTest, UnknownPropertyIsRefused) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("KAIST")}, {"kind", Value::String("university")},
                         {"colour", Value::String("blue")}});
  absl::Status s = c.ValidateNode({"Organisation"}, p);
  EXPECT_NE(s.message().find("no property 'colour'"), std::string::npos) << s;
  EXPECT_NE(s.message().find("'blue'"), std::string::npos) << s;
}

TEST(CatalogTest, WrongTypeIsRefused) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::Int(7)}, {"kind", Value::String("company")}});
  absl::Status s = c.ValidateNode({"Organisation"}, p);
  EXPECT_NE(s.message().find("property 'name' is declared string"), std::string::npos) << s;
  EXPECT_NE(s.message().find("Organisation"), std::string::npos) << s;
}

TEST(CatalogTest, MissingRequiredPropertyIsRefused) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("KAIST")}});
  absl::Status s = c.ValidateNode({"Organisation"}, p);
  EXPECT_NE(s.message().find("requires property 'kind'"), std::string::npos) << s;
}

// Cypher users write 22 for a double property; it is stored as 22.0.
TEST(CatalogTest, IntIsWidenedToDeclaredDouble) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("farm")}, {"kind", Value::String("npu")},
                         {"petaflops", Value::Int(22)}});
  ASSERT_TRUE(c.ValidateNode({"Hardware"}, p).ok());
  EXPECT_EQ(p["petaflops"], Value::Double(22.0));
}

TEST(CatalogTest, ListElementTypesAreChecked) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"name", Value::String("KAIST")}, {"kind", Value::String("university")},
                         {"aliases", Value::MakeList({Value::String("a"), Value::Int(1)})}});
  EXPECT_FALSE(c.ValidateNode({"Organisation"}, p).ok());
}

TEST(CatalogTest, EdgeEndpointsAreChecked) {
  Catalog c = Catalog::AllianceSchema();
  PropertyMap p = Props({{"role", Value::String("member")}});
  EXPECT_TRUE(c.ValidateEdge("MEMBER_OF", {"Organisation"}, {"Consortium"}, p).ok());
  absl::Status s = c.ValidateEdge("MEMBER_OF", {"Consortium"}, {"Organisation"}, p);
  EXPECT_NE(s.message().find("goes from Organisation to Consortium"), std::string::npos) << s;
  PropertyMap none;
  s = c.ValidateEdge("MEMBER_OF", {"Organisation"}, {"Consortium"}, none);
  EXPECT_NE(s.message().find("requires property 'role'"), std::string::npos) << s;
  s = c.ValidateEdge("FUNDS", {"Organisation"}, {"Consortium"}, none);
  EXPECT_NE(s.message().find("unknown relationship type 'FUNDS'"), std::string::npos) << s;
}

// Free mode accepts anything undeclared.
TEST(CatalogTest, FreeModeAcceptsAnything) {
  Catalog c = Catalog::Free();
  PropertyMap p = Props({{"x", Value::MakeList({Value::Int(1)})}});
  EXPECT_TRUE(c.ValidateNode({"Anything", "Else"}, p).ok());
  EXPECT_TRUE(c.ValidateNode({}, p).ok());
  EXPECT_TRUE(c.ValidateEdge("T", {}, {}, p).ok());
}

// Extensions add declarations without touching existing ones; a required
// property cannot be added to a label that may already have nodes.
TEST(CatalogTest, SchemaCanBeExtended) {
  Catalog c = Catalog::AllianceSchema();
  ASSERT_TRUE(c.AddLabelProperty("Organisation", {"pagerank", Value::Type::kDouble}).ok());
  EXPECT_FALSE(c.AddLabelProperty("Organisation", {"pagerank", Value::Type::kDouble}).ok());
  EXPECT_FALSE(
      c.AddLabelProperty("Organisation", {"founded", Value::Type::kInt, false, true}).ok());
  ASSERT_TRUE(c.AddLabel({"Fund", "name", {{"name", Value::Type::kString, false, true}}, {}}).ok());
  ASSERT_TRUE(c.AddEdgeType({"FUNDS", "Fund", "Consortium", {}}).ok());
  EXPECT_FALSE(c.AddEdgeType({"BACKS", "Fund", "Nowhere", {}}).ok());
  PropertyMap p = Props({{"name", Value::String("KAIST")}, {"kind", Value::String("university")},
                         {"pagerank", Value::Double(0.5)}});
  EXPECT_TRUE(c.ValidateNode({"Organisation"}, p).ok());
}

TEST(CatalogTest, SerializationRoundTrips) {
  Catalog c = Catalog::AllianceSchema();
  c.InternLabel("Extra");
  c.InternPropertyKey("extra_prop");
  absl::StatusOr<Catalog> back = Catalog::Deserialize(c.Serialize());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->mode(), SchemaMode::kEnforced);
  EXPECT_EQ(back->label_count(), c.label_count());
  EXPECT_EQ(back->FindLabel("Extra"), c.FindLabel("Extra"));
  EXPECT_EQ(back->FindPropertyKey("extra_prop"), c.FindPropertyKey("extra_prop"));
  ASSERT_NE(back->FindEdgeTypeDef("MEMBER_OF"), nullptr);
  EXPECT_EQ(back->FindEdgeTypeDef("MEMBER_OF")->from_label, "Organisation");
  EXPECT_EQ(back->FindLabelDef("Consortium")->key_property, "name");
}

TEST(CatalogTest, GarbageCatalogIsDataLoss) {
  EXPECT_EQ(Catalog::Deserialize("garbage!").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(Catalog::Deserialize("abc").status().code(), absl::StatusCode::kDataLoss);
}

TEST(CatalogTest, PropertyTypesParse) {
  auto p = PropertyDef::Parse("aliases", "string[]", false);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->is_list);
  EXPECT_EQ(p->TypeText(), "string[]");
  EXPECT_FALSE(PropertyDef::Parse("x", "date", false).ok());
}

}  // namespace
}  // namespace alliance::schema

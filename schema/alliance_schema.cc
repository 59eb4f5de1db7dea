// The enforced schema of the alliance graph: the labels, edge types and
// endpoints of ../shared/seed/FACTS.md ("Edge types"), with typed properties.
#include "schema/catalog.h"

namespace alliance::schema {
namespace {

PropertyDef Prop(const char* name, Value::Type type, bool is_list = false, bool required = false) {
  return PropertyDef{name, type, is_list, required};
}

constexpr Value::Type kString = Value::Type::kString;
constexpr Value::Type kInt = Value::Type::kInt;
constexpr Value::Type kDouble = Value::Type::kDouble;

// Every label is named, traceable to its source and findable by its Korean
// name or an alias.
LabelDef Label(const char* name, bool kind_required, std::vector<PropertyDef> extra) {
  LabelDef def;
  def.name = name;
  def.key_property = "name";
  def.properties = {
      Prop("name", kString, false, true),    Prop("name_ko", kString),
      Prop("aliases", kString, true),        Prop("kind", kString, false, kind_required),
      Prop("source", kString),               Prop("description", kString),
  };
  for (PropertyDef& p : extra) def.properties.push_back(std::move(p));
  def.lookup_properties = {"name_ko", "aliases"};
  return def;
}

EdgeTypeDef Edge(const char* name, const char* from, const char* to,
                 std::vector<PropertyDef> extra = {}) {
  EdgeTypeDef def{name, from, to, {Prop("source", kString)}};
  for (PropertyDef& p : extra) def.properties.push_back(std::move(p));
  return def;
}

}  // namespace

Catalog Catalog::AllianceSchema() {
  Catalog c;
  c.mode_ = SchemaMode::kEnforced;
  // The definitions are fixed and valid, so the Add* calls cannot fail.
  (void)c.AddLabel(Label("Organisation", true, {}));
  (void)c.AddLabel(Label("Consortium", true, {Prop("first_evaluation", kString)}));
  (void)c.AddLabel(Label("Programme", false,
                         {Prop("budget_krw", kInt), Prop("duration_years", kInt),
                          Prop("gpus", kInt), Prop("max_consortia", kInt),
                          Prop("performance_target_pct", kInt)}));
  (void)c.AddLabel(Label("Model", false,
                         {Prop("parameters_billion", kDouble), Prop("modality", kString),
                          Prop("status", kString)}));
  (void)c.AddLabel(
      Label("Hardware", true, {Prop("units", kInt), Prop("petaflops", kDouble)}));

  (void)c.AddEdgeType(Edge("MEMBER_OF", "Organisation", "Consortium",
                           {Prop("role", kString, false, true), Prop("since", kInt)}));
  (void)c.AddEdgeType(Edge("PART_OF", "Organisation", "Organisation"));
  (void)c.AddEdgeType(Edge("SELECTED_FOR", "Consortium", "Programme"));
  (void)c.AddEdgeType(Edge("RUNS", "Organisation", "Programme"));
  (void)c.AddEdgeType(Edge("DEVELOPS", "Organisation", "Model"));
  (void)c.AddEdgeType(Edge("BUILDS", "Consortium", "Model"));
  (void)c.AddEdgeType(Edge("PROVIDES", "Programme", "Hardware"));
  (void)c.AddEdgeType(Edge("OPERATES", "Organisation", "Hardware"));
  (void)c.AddEdgeType(Edge("MAKES", "Organisation", "Hardware"));
  (void)c.AddEdgeType(Edge("USES", "Consortium", "Hardware"));
  return c;
}

}  // namespace alliance::schema

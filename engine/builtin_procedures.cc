#include "engine/builtin_procedures.h"

#include "schema/catalog.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

using Rows = std::vector<std::vector<Value>>;

// Names in use: a label with at least one node, a type with a relationship.
Rows LabelsInUse(storage::Transaction& txn) {
  Rows rows;
  const schema::Catalog& c = txn.catalog();
  for (uint32_t l = 0; l < c.label_count(); ++l) {
    bool any = false;
    (void)txn.ScanLabel(l, [&](NodeId) {
      any = true;
      return false;
    });
    if (any) rows.push_back({Value::String(c.LabelName(l))});
  }
  return rows;
}

Rows TypesInUse(storage::Transaction& txn) {
  const schema::Catalog& c = txn.catalog();
  std::vector<bool> used(c.edge_type_count());
  (void)txn.ScanEdges([&](const storage::EdgeKey& e, std::string_view) {
    if (e.type < used.size()) used[e.type] = true;
    return true;
  });
  Rows rows;
  for (uint32_t t = 0; t < used.size(); ++t) {
    if (used[t]) rows.push_back({Value::String(c.EdgeTypeName(t))});
  }
  return rows;
}

void AddSchemaRows(const std::string& entity, const std::string& name,
                   const std::vector<schema::PropertyDef>& props, const std::string& key,
                   Rows& rows) {
  for (const auto& p : props) {
    rows.push_back({Value::String(entity), Value::String(name), Value::String(p.name),
                    Value::String(p.TypeText()), Value::Bool(p.required || p.name == key),
                    Value::Bool(p.name == key)});
  }
}

}  // namespace

void RegisterBuiltinProcedures(query::ProcedureRegistry& registry) {
  registry.Register({"db.labels", {}, 0, {"label"}, "Labels of the nodes in the database"},
                    [](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
                      return LabelsInUse(call.txn);
                    });
  registry.Register(
      {"db.relationshipTypes", {}, 0, {"relationshipType"}, "Types of the relationships in use"},
      [](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        return TypesInUse(call.txn);
      });
  registry.Register({"db.propertyKeys", {}, 0, {"propertyKey"}, "Property names known"},
                    [](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
                      Rows rows;
                      const schema::Catalog& c = call.txn.catalog();
                      for (uint32_t k = 0; k < c.property_key_count(); ++k) {
                        rows.push_back({Value::String(c.PropertyKeyName(k))});
                      }
                      return rows;
                    });
  registry.Register(
      {"db.schema",
       {},
       0,
       {"entity", "name", "property", "type", "required", "key"},
       "The declared schema: one row per declared property of each label and relationship "
       "type (endpoints as entity 'relationship' rows with property '->' and type 'From->To')"},
      [](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        Rows rows;
        const schema::Catalog& c = call.txn.catalog();
        for (const auto& l : c.labels()) AddSchemaRows("label", l.name, l.properties, l.key_property, rows);
        for (const auto& t : c.edge_types()) {
          rows.push_back({Value::String("relationship"), Value::String(t.name), Value::String("->"),
                          Value::String(t.from_label + "->" + t.to_label), Value::Bool(true),
                          Value::Bool(false)});
          AddSchemaRows("relationship", t.name, t.properties, "", rows);
        }
        return rows;
      });
  const query::ProcedureRegistry* self = &registry;
  registry.Register({"dbms.procedures", {}, 0, {"name", "signature", "description"},
                     "Every procedure CALL can reach"},
                    [self](const query::ProcedureCall&) -> absl::StatusOr<Rows> {
                      Rows rows;
                      for (const auto* sig : self->List()) {
                        std::string signature = sig->name + "(";
                        for (size_t i = 0; i < sig->inputs.size(); ++i) {
                          signature += (i ? ", " : "") + sig->inputs[i];
                        }
                        signature += ") :: (";
                        for (size_t i = 0; i < sig->outputs.size(); ++i) {
                          signature += (i ? ", " : "") + sig->outputs[i];
                        }
                        signature += ")";
                        rows.push_back({Value::String(sig->name), Value::String(signature),
                                        Value::String(sig->description)});
                      }
                      return rows;
                    });
}

}  // namespace alliance

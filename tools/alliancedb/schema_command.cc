// alliancedb schema: show the declared schema, or extend it.
#include <iostream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_join.h"
#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"
#include "schema_printer.h"

namespace alliance::tools {
namespace {

// "name:type" -> PropertySpec; a trailing "!" marks it required.
absl::StatusOr<PropertySpec> ParseProperty(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) {
    return absl::InvalidArgumentError("property '" + text +
                                      "' must be written name:type, e.g. score:double");
  }
  PropertySpec p{text.substr(0, colon), text.substr(colon + 1), false};
  if (!p.type.empty() && p.type.back() == '!') {
    p.required = true;
    p.type.pop_back();
  }
  return p;
}

}  // namespace

void AddSchemaCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("schema", "Show or extend the declared schema");
  cmd->require_subcommand(1);
  auto db_path = std::make_shared<std::string>();

  CLI::App* show = cmd->add_subcommand("show", "Print labels, relationship types and properties");
  AddDatabaseFlag(*show, db_path.get());
  show->callback([db_path, exit_code]() {
    auto db = OpenDatabaseFlag(*db_path, OpenMode::kReadOnly);
    if (!db.ok()) {
      *exit_code = ReportError(db.status());
      return;
    }
    PrintSchema((*db)->Schema(), std::cout);
  });

  CLI::App* add = cmd->add_subcommand("add", "Declare a label, relationship type or property");
  add->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto key = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto props = std::make_shared<std::vector<std::string>>();
  auto on = std::make_shared<std::string>();

  auto parse_all = [props]() -> absl::StatusOr<std::vector<PropertySpec>> {
    std::vector<PropertySpec> out;
    for (const std::string& text : *props) {
      auto p = ParseProperty(text);
      if (!p.ok()) return p.status();
      out.push_back(*p);
    }
    return out;
  };
  auto with_db = [db_path, exit_code](auto&& change) {
    auto db = OpenDatabaseFlag(*db_path, OpenMode::kReadWrite);
    if (!db.ok()) {
      *exit_code = ReportError(db.status());
      return;
    }
    absl::Status s = change(**db);
    *exit_code = s.ok() ? 0 : ReportError(s);
    if (s.ok()) std::cout << "schema updated\n";
  };

  CLI::App* label = add->add_subcommand("label", "Declare a node label");
  AddDatabaseFlag(*label, db_path.get());
  label->add_option("name", *name, "Label name")->required();
  label->add_option("--key", *key, "Unique key property (must be among --property)");
  label->add_option("--property", *props, "name:type, e.g. score:double or tags:string[]; "
                                          "append ! for required");
  label->footer("Example:\n  alliancedb schema add label Fund --key name --property name:string "
                "--property size_krw:int");
  label->callback([=]() {
    with_db([&](Database& db) -> absl::Status {
      auto p = parse_all();
      if (!p.ok()) return p.status();
      return db.AddLabel(LabelSpec{*name, *key, *p, {}});
    });
  });

  CLI::App* type = add->add_subcommand("type", "Declare a relationship type");
  AddDatabaseFlag(*type, db_path.get());
  type->add_option("name", *name, "Relationship type")->required();
  type->add_option("--from", *from, "Start label")->required();
  type->add_option("--to", *to, "End label")->required();
  type->add_option("--property", *props, "name:type; append ! for required");
  type->footer("Example:\n  alliancedb schema add type FUNDS --from Organisation --to Consortium");
  type->callback([=]() {
    with_db([&](Database& db) -> absl::Status {
      auto p = parse_all();
      if (!p.ok()) return p.status();
      return db.AddRelationshipType(RelationshipTypeSpec{*name, *from, *to, *p});
    });
  });

  CLI::App* property = add->add_subcommand(
      "property", "Declare an optional property on a label or relationship type");
  AddDatabaseFlag(*property, db_path.get());
  property->add_option("owner", *on, "Label or relationship type")->required();
  property->add_option("property", *props, "name:type")->required()->expected(1);
  property->footer("Example:\n  alliancedb schema add property Organisation pagerank:double");
  property->callback([=]() {
    with_db([&](Database& db) -> absl::Status {
      auto p = parse_all();
      if (!p.ok()) return p.status();
      SchemaDescription s = db.Schema();
      for (const auto& t : s.relationship_types) {
        if (t.name == *on) return db.AddRelationshipProperty(*on, p->front());
      }
      return db.AddProperty(*on, p->front());
    });
  });
}

}  // namespace alliance::tools

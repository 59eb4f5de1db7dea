// Embeds AllianceDB from an installed package: builds the bundled dataset into
// the directory given as argument and counts KAIST's consortia.
#include <iostream>

#include "alliance/database.h"
#include "alliance/default_database.h"
#include "alliance/version.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto db = alliance::OpenOrCreateBundled(argv[1], /*read_only=*/false);
  if (!db.ok()) {
    std::cerr << db.status() << "\n";
    return 1;
  }
  auto txn = (*db)->BeginRead();
  auto kaist = txn->FindNodeByKey("Organisation", alliance::Value::String("KAIST"));
  if (!kaist.ok() || !kaist->has_value()) return 1;
  auto rels = txn->Relationships((*kaist)->id, alliance::Direction::kOutgoing, {"MEMBER_OF"});
  if (!rels.ok()) return 1;
  std::cout << "AllianceDB " << alliance::kVersion << ": KAIST is in " << rels->size()
            << " consortia\n";
  return 0;
}

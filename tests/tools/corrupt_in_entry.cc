// Test helper: deletes one entry of the `in` column family of the database
// given as argument, so tests can show that `alliancedb check` notices.
#include <iostream>

#include "rocksdb/db.h"
#include "storage/store.h"
#include "storage/transaction.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: corrupt_in_entry DB\n";
    return 2;
  }
  auto store = alliance::storage::Store::Open(argv[1], {.create_if_missing = false});
  if (!store.ok()) {
    std::cerr << store.status() << "\n";
    return 1;
  }
  std::string victim;
  auto txn = (*store)->BeginRead();
  (void)txn->ScanEdges([&](const alliance::storage::EdgeKey& e, std::string_view) {
    victim = e.InKey();
    return false;
  });
  if (victim.empty()) return 1;
  auto* cf = (*store)->cf(alliance::storage::Cf::kIn);
  return (*store)->db()->Delete(rocksdb::WriteOptions(), cf, victim).ok() ? 0 : 1;
}

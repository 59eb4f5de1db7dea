// FromRocks: a RocksDB status as the absl::Status the storage layer returns,
// with `what` saying which operation failed. Corruption is data loss.
#ifndef ALLIANCE_STORAGE_ROCKS_STATUS_H_
#define ALLIANCE_STORAGE_ROCKS_STATUS_H_

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace alliance::storage {

absl::Status FromRocks(const rocksdb::Status& s, std::string_view what);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_ROCKS_STATUS_H_

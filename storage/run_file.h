// Run files: what every writer of sorted runs for a bulk import shares — an
// SST file set up as its column family expects, and run buffers backed by
// huge pages.
#ifndef ALLIANCE_STORAGE_RUN_FILE_H_
#define ALLIANCE_STORAGE_RUN_FILE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "rocksdb/sst_file_writer.h"
#include "storage/store.h"

namespace alliance::storage {

// An open SST file at `path` for one sorted run of `cf`, with the column
// family's table options, so that RocksDB ingests it as is.
absl::StatusOr<std::unique_ptr<rocksdb::SstFileWriter>> OpenRunFile(const Store& store, Cf cf,
                                                                    const std::string& path);

// Closes a run file, with the path in any error.
absl::Status FinishRunFile(rocksdb::SstFileWriter& file, const std::string& path);

// Faulting in a run buffer 4 KiB at a time cost a tenth of an import on a
// virtual machine; transparent huge pages (madvise mode on Debian) take 2 MiB
// per fault. Call on a reserved, untouched buffer.
void AdviseHugePages(const void* data, size_t bytes);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_RUN_FILE_H_

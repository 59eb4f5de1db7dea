#include "storage/run_file.h"

#include <sys/mman.h>

#include <cstdint>

#include "rocksdb/options.h"
#include "schema/str_cat.h"

namespace alliance::storage {

absl::StatusOr<std::unique_ptr<rocksdb::SstFileWriter>> OpenRunFile(const Store& store, Cf cf,
                                                                    const std::string& path) {
  rocksdb::Options options;
  store.FillSstOptions(cf, &options);
  // Ingested runs land in the bottommost level; zstd there cost a tenth of
  // the import's time. LZ4 files are compressed again when compacted.
  options.bottommost_compression = rocksdb::kLZ4Compression;
  auto file = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options);
  rocksdb::Status s = file->Open(path);
  if (!s.ok()) return absl::InternalError(StrCat("cannot create ", path, ": ", s.ToString()));
  return file;
}

absl::Status FinishRunFile(rocksdb::SstFileWriter& file, const std::string& path) {
  rocksdb::Status s = file.Finish();
  if (!s.ok()) return absl::InternalError(StrCat("cannot write ", path, ": ", s.ToString()));
  return absl::OkStatus();
}

void AdviseHugePages(const void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace alliance::storage

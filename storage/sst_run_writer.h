// SstRunWriter: buffers key/value pairs for one column family within a memory
// budget and writes them as sorted SST files (one per full buffer), ready for
// an atomic IngestExternalFiles. Runs may overlap; RocksDB merges them.
#ifndef ALLIANCE_STORAGE_SST_RUN_WRITER_H_
#define ALLIANCE_STORAGE_SST_RUN_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "storage/store.h"

namespace alliance::storage {

class SstRunWriter {
 public:
  // Files go to `dir` as `<name>-<n>.sst`.
  SstRunWriter(const Store& store, Cf cf, std::string dir, std::string name,
               size_t budget_bytes);

  // Keys must be unique across the whole import.
  absl::Status Add(std::string_view key, std::string_view value);
  // Writes what is buffered; afterwards files() lists every run.
  absl::Status Finish();

  const std::vector<std::string>& files() const { return files_; }
  Cf cf() const { return cf_; }
  uint64_t entries() const { return entries_; }
  size_t buffered_bytes() const { return arena_.size() + index_.size() * sizeof(Entry); }

 private:
  struct Entry {
    uint64_t prefix;  // first 8 key bytes, big-endian: most comparisons end here
    uint64_t offset;
    uint32_t key_size;
    uint32_t value_size;
  };
  absl::Status Flush();

  const Store& store_;
  Cf cf_;
  std::string dir_;
  std::string name_;
  size_t budget_;
  std::string arena_;
  std::vector<Entry> index_;
  std::vector<std::string> files_;
  uint64_t entries_ = 0;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_SST_RUN_WRITER_H_

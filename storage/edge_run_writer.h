// EdgeRunWriter: buffers the relationships one import thread reads as
// fixed-size entries and writes them as sorted runs of both adjacency column
// families (`out` with the record, `in` with the key alone). Sorting compares
// ids as integers, and one buffer serves both directions.
#ifndef ALLIANCE_STORAGE_EDGE_RUN_WRITER_H_
#define ALLIANCE_STORAGE_EDGE_RUN_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "storage/keys.h"
#include "storage/store.h"

namespace alliance::storage {

class EdgeRunWriter {
 public:
  // Files go to `dir` as `out-<name>-<n>.sst` and `in-<name>-<n>.sst`.
  EdgeRunWriter(const Store& store, std::string dir, std::string name, size_t budget_bytes);

  // Where a record repeated by many relationships sits in the current run,
  // so that it is stored once per run.
  struct SharedRecord {
    uint64_t run = ~uint64_t{0};
    uint64_t offset = 0;
  };

  // Edge ids must be unique across the whole import; `record` is the `out`
  // value. With `shared`, a record already stored in this run is reused, and
  // `shared` is updated when it is stored anew.
  absl::Status Add(const EdgeKey& edge, std::string_view record, SharedRecord* shared = nullptr);
  // Writes what is buffered; afterwards out_files() and in_files() list every run.
  absl::Status Finish();

  const std::vector<std::string>& out_files() const { return out_files_; }
  const std::vector<std::string>& in_files() const { return in_files_; }
  size_t buffered_bytes() const { return records_.size() + entries_.size() * sizeof(Entry); }

 private:
  struct Entry {
    NodeId src;
    NodeId dst;
    EdgeId id;
    uint32_t type;
    uint32_t record_size;
    uint64_t record_offset;
  };
  absl::Status Flush();
  // Sorts the buffer by `less` and writes it as one run of `cf`.
  template <typename Less, typename WriteKey>
  absl::Status WriteRun(Cf cf, std::vector<std::string>& files, Less less, WriteKey write_key,
                        bool with_records);

  const Store& store_;
  std::string dir_;
  std::string name_;
  size_t budget_;
  std::string records_;
  std::vector<Entry> entries_;
  std::vector<std::string> out_files_;
  std::vector<std::string> in_files_;
  uint64_t run_ = 0;  // runs ended so far
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_EDGE_RUN_WRITER_H_

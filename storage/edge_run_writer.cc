#include "storage/edge_run_writer.h"

#include <algorithm>
#include <tuple>

#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/run_file.h"

namespace alliance::storage {

EdgeRunWriter::EdgeRunWriter(const Store& store, std::string dir, std::string name,
                             size_t budget_bytes)
    : store_(store), dir_(std::move(dir)), name_(std::move(name)), budget_(budget_bytes) {}

absl::Status EdgeRunWriter::Add(const EdgeKey& edge, std::string_view record,
                                SharedRecord* shared) {
  // Take the budget once: doubling would copy the buffers over and over, and
  // untouched pages cost nothing. A run ends when either buffer is full.
  if (entries_.capacity() == 0) {
    entries_.reserve(budget_ / 2 / sizeof(Entry));
    AdviseHugePages(entries_.data(), entries_.capacity() * sizeof(Entry));
    records_.reserve(budget_ / 2);
    AdviseHugePages(records_.data(), records_.capacity());
  }
  auto stored = [&] { return shared != nullptr && shared->run == run_; };
  if (entries_.size() == entries_.capacity() ||
      (!stored() && records_.size() + record.size() > records_.capacity())) {
    RETURN_IF_ERROR(Flush());
  }
  uint64_t offset;
  if (stored()) {
    offset = shared->offset;
  } else {
    offset = records_.size();
    records_.append(record);
    if (shared != nullptr) *shared = SharedRecord{run_, offset};
  }
  entries_.push_back(
      Entry{edge.src, edge.dst, edge.id, edge.type, static_cast<uint32_t>(record.size()), offset});
  return absl::OkStatus();
}

absl::Status EdgeRunWriter::Finish() { return Flush(); }

template <typename Less, typename WriteKey>
absl::Status EdgeRunWriter::WriteRun(Cf cf, std::vector<std::string>& files, Less less,
                                     WriteKey write_key, bool with_records) {
  // Relationship files often list a node's relationships together.
  if (!std::is_sorted(entries_.begin(), entries_.end(), less)) {
    std::sort(entries_.begin(), entries_.end(), less);
  }
  const std::string path = StrCat(dir_, "/", cf == Cf::kOut ? "out-" : "in-", name_, "-",
                                  files.size(), ".sst");
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::SstFileWriter> file, OpenRunFile(store_, cf, path));
  char key[kEdgeKeySize];
  for (const Entry& e : entries_) {
    write_key(EdgeKey{e.src, e.type, e.dst, e.id}, key);
    const rocksdb::Slice value =
        with_records ? rocksdb::Slice(records_.data() + e.record_offset, e.record_size)
                     : rocksdb::Slice();
    // SstFileWriter refuses a key not above the previous one, so a repeated
    // edge id (a bug) cannot land.
    rocksdb::Status s = file->Put(rocksdb::Slice(key, kEdgeKeySize), value);
    if (!s.ok()) return absl::InternalError(StrCat("cannot write ", path, ": ", s.ToString()));
  }
  RETURN_IF_ERROR(FinishRunFile(*file, path));
  files.push_back(path);
  return absl::OkStatus();
}

absl::Status EdgeRunWriter::Flush() {
  if (entries_.empty()) return absl::OkStatus();
  RETURN_IF_ERROR(WriteRun(
      Cf::kOut, out_files_,
      [](const Entry& a, const Entry& b) {
        return std::tie(a.src, a.type, a.dst, a.id) < std::tie(b.src, b.type, b.dst, b.id);
      },
      [](const EdgeKey& e, char* key) { e.WriteOutKey(key); }, true));
  RETURN_IF_ERROR(WriteRun(
      Cf::kIn, in_files_,
      [](const Entry& a, const Entry& b) {
        return std::tie(a.dst, a.type, a.src, a.id) < std::tie(b.dst, b.type, b.src, b.id);
      },
      [](const EdgeKey& e, char* key) { e.WriteInKey(key); }, false));
  entries_.clear();
  records_.clear();
  ++run_;
  return absl::OkStatus();
}

}  // namespace alliance::storage

#include "storage/sst_run_writer.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>

#include "schema/str_cat.h"
#include "rocksdb/options.h"
#include "rocksdb/sst_file_writer.h"

namespace alliance::storage {

SstRunWriter::SstRunWriter(const Store& store, Cf cf, std::string dir, std::string name,
                           size_t budget_bytes)
    : store_(store), cf_(cf), dir_(std::move(dir)), name_(std::move(name)),
      budget_(budget_bytes) {}

namespace {

// Faulting in a run buffer 4 KiB at a time cost a tenth of an import on a
// virtual machine; transparent huge pages (madvise mode on Debian) take 2 MiB
// per fault.
void AdviseHugePages(const void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace

absl::Status SstRunWriter::Add(std::string_view key, std::string_view value) {
  // Growing the buffers by doubling copies them over and over; take the
  // budget once (untouched pages cost nothing).
  if (arena_.capacity() < budget_ / 2) {
    arena_.reserve(budget_ / 2);
    AdviseHugePages(arena_.data(), arena_.capacity());
    index_.reserve(budget_ / 2 / sizeof(Entry));
    AdviseHugePages(index_.data(), index_.capacity() * sizeof(Entry));
  }
  uint64_t prefix = 0;
  for (size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
  }
  index_.push_back(Entry{prefix, arena_.size(), static_cast<uint32_t>(key.size()),
                         static_cast<uint32_t>(value.size())});
  arena_.append(key);
  arena_.append(value);
  ++entries_;
  if (buffered_bytes() >= budget_) return Flush();
  return absl::OkStatus();
}

absl::Status SstRunWriter::Finish() { return Flush(); }

absl::Status SstRunWriter::Flush() {
  if (index_.empty()) return absl::OkStatus();
  const char* base = arena_.data();
  auto key_of = [base](const Entry& e) { return std::string_view(base + e.offset, e.key_size); };
  auto less = [&](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return key_of(a) < key_of(b);
  };
  // Most writers add in key order already (node ids, label index per label).
  if (!std::is_sorted(index_.begin(), index_.end(), less)) {
    std::sort(index_.begin(), index_.end(), less);
  }
  rocksdb::Options options;
  store_.FillSstOptions(cf_, &options);
  // Ingested runs land in the bottommost level; zstd there cost a tenth of
  // the import's time. LZ4 files are compressed again when compacted.
  options.bottommost_compression = rocksdb::kLZ4Compression;
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  const std::string path = StrCat(dir_, "/", name_, "-", files_.size(), ".sst");
  rocksdb::Status s = writer.Open(path);
  for (size_t i = 0; s.ok() && i < index_.size(); ++i) {
    const Entry& e = index_[i];
    if (i > 0 && key_of(index_[i - 1]) == key_of(e)) {
      return absl::InternalError(StrCat("import produced a duplicate ", name_, " key"));
    }
    s = writer.Put(rocksdb::Slice(base + e.offset, e.key_size),
                   rocksdb::Slice(base + e.offset + e.key_size, e.value_size));
  }
  if (s.ok()) s = writer.Finish();
  if (!s.ok()) {
    return absl::InternalError(StrCat("cannot write ", path, ": ", s.ToString()));
  }
  files_.push_back(path);
  arena_.clear();
  index_.clear();
  return absl::OkStatus();
}

}  // namespace alliance::storage

#include "storage/sst_run_writer.h"

#include <algorithm>
#include <cstdint>

#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/run_file.h"

namespace alliance::storage {

SstRunWriter::SstRunWriter(const Store& store, Cf cf, std::string dir, std::string name,
                           size_t budget_bytes)
    : store_(store), cf_(cf), dir_(std::move(dir)), name_(std::move(name)),
      budget_(budget_bytes) {}

absl::Status SstRunWriter::Add(std::string_view key, std::string_view value) {
  // Growing the buffers by doubling copies them over and over; take the
  // budget once (untouched pages cost nothing).
  if (index_.capacity() == 0) {
    arena_.reserve(budget_ / 2);
    AdviseHugePages(arena_.data(), arena_.capacity());
    index_.reserve(budget_ / 2 / sizeof(Entry));
    AdviseHugePages(index_.data(), index_.capacity() * sizeof(Entry));
  }
  // A run ends when either buffer is full (a larger entry than fits an empty
  // arena grows it).
  if (!index_.empty() && (index_.size() == index_.capacity() ||
                          arena_.size() + key.size() + value.size() > arena_.capacity())) {
    RETURN_IF_ERROR(Flush());
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
  return absl::OkStatus();
}

absl::Status SstRunWriter::Finish() { return Flush(); }

absl::Status SstRunWriter::Flush() {
  if (index_.empty()) return absl::OkStatus();
  const char* base = arena_.data();
  auto less = [base](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    // Equal prefixes: the first min(8, size) bytes are equal.
    const size_t skip = std::min<size_t>({8, a.key_size, b.key_size});
    return std::string_view(base + a.offset + skip, a.key_size - skip) <
           std::string_view(base + b.offset + skip, b.key_size - skip);
  };
  auto strictly_increasing = [&] {
    for (size_t i = 1; i < index_.size(); ++i) {
      if (!less(index_[i - 1], index_[i])) return false;
    }
    return true;
  };
  // Most writers add in key order already (node ids, label index per label).
  if (!strictly_increasing()) {
    std::sort(index_.begin(), index_.end(), less);
    if (!strictly_increasing()) {
      return absl::InternalError(StrCat("import produced a duplicate ", name_, " key"));
    }
  }
  const std::string path = StrCat(dir_, "/", name_, "-", files_.size(), ".sst");
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::SstFileWriter> file, OpenRunFile(store_, cf_, path));
  for (const Entry& e : index_) {
    rocksdb::Status s = file->Put(rocksdb::Slice(base + e.offset, e.key_size),
                                  rocksdb::Slice(base + e.offset + e.key_size, e.value_size));
    if (!s.ok()) return absl::InternalError(StrCat("cannot write ", path, ": ", s.ToString()));
  }
  RETURN_IF_ERROR(FinishRunFile(*file, path));
  files_.push_back(path);
  arena_.clear();
  index_.clear();
  return absl::OkStatus();
}

}  // namespace alliance::storage

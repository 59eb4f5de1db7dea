// CsvRecordScanner: finds where CSV records start without parsing fields,
// following quoting the way CsvReader does (a quote opens a field only as its
// first byte; inside, a doubled quote stands for itself), so that a file can
// be cut into parts at record boundaries. Fed in chunks of any size.
#ifndef ALLIANCE_STORAGE_CSV_RECORD_SCANNER_H_
#define ALLIANCE_STORAGE_CSV_RECORD_SCANNER_H_

#include <cstdint>
#include <cstring>

namespace alliance::storage {

class CsvRecordScanner {
 public:
  // Scanning starts at the start of a record.
  CsvRecordScanner(char delimiter, char quote) : delimiter_(delimiter), quote_(quote) {}

  // Scans the next `n` bytes; calls on_record_start(offset) with the offset,
  // counted from the first byte scanned, of every byte after a line break
  // that ends a record. line_breaks() already counts that line break then.
  template <typename Fn>
  void Feed(const char* data, size_t n, Fn&& on_record_start);

  // Every line break so far, inside quoted fields too.
  int64_t line_breaks() const { return line_breaks_; }

 private:
  char delimiter_;
  char quote_;
  bool quoted_ = false;
  bool quote_pending_ = false;  // the last chunk ended on a quote inside a quoted field
  char last_byte_ = '\n';
  int64_t scanned_ = 0;
  int64_t line_breaks_ = 0;
};

template <typename Fn>
void CsvRecordScanner::Feed(const char* data, size_t n, Fn&& on_record_start) {
  if (n == 0) return;
  const char* const end = data + n;
  auto count_lines = [&](const char* from, const char* to, bool ends_records) {
    for (const char* p = from; (p = static_cast<const char*>(std::memchr(p, '\n', to - p)));
         ++p) {
      ++line_breaks_;
      if (ends_records) on_record_start(scanned_ + (p - data) + 1);
    }
  };
  const char* p = data;
  if (quote_pending_) {
    quote_pending_ = false;
    if (*p == quote_) {
      ++p;  // "" inside the field
    } else {
      quoted_ = false;
    }
  }
  // The scan jumps from quote to quote; line breaks between end records only
  // outside quotes.
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, quote_, end - p));
    count_lines(p, q != nullptr ? q : end, !quoted_);
    if (q == nullptr) break;
    if (quoted_) {
      if (q + 1 == end) {
        quote_pending_ = true;
      } else if (q[1] == quote_) {
        ++q;
      } else {
        quoted_ = false;
      }
    } else {
      const char before = q > data ? q[-1] : last_byte_;
      quoted_ = before == delimiter_ || before == '\n';
    }
    p = q + 1;
  }
  last_byte_ = end[-1];
  scanned_ += static_cast<int64_t>(n);
}

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_CSV_RECORD_SCANNER_H_

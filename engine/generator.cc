// Deterministic synthetic alliance-graph generator (see alliance/generator.h).
//
// Determinism across runs, compilers and platforms rests on three rules:
//   * all randomness comes from xoshiro256** streams seeded by splitmix64, one stream
//     per aspect, so changing how one aspect draws never reshuffles another;
//   * bounded integers use Lemire's unbiased multiply-shift, never std:: distributions;
//   * floating point is limited to +, -, *, / and sqrt, which IEEE 754 rounds exactly,
//     written so that no a * b + c can be contracted into an FMA; no libm pow/log/exp.
// Numbers are formatted by hand (no printf), so locales cannot change the bytes.

#include "alliance/generator.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace alliance {
namespace {

__extension__ typedef unsigned __int128 Uint128;

constexpr int kFirstYear = 2015;
constexpr int kLastYear = 2025;
// Longest PART_OF chain (child -> parent -> grandparent -> great-grandparent).
constexpr uint8_t kMaxPartOfDepth = 3;
// Id prefixes, one per label, so an id's label is known without a lookup.
constexpr std::string_view kOrganisationId = "o";
constexpr std::string_view kConsortiumId = "c";
constexpr std::string_view kProgrammeId = "p";
constexpr std::string_view kModelId = "m";
constexpr std::string_view kHardwareId = "h";
// Minimum digits in generated names ("Org 000123"); longer numbers print in full, so
// names stay unique at any scale.
constexpr int kNameDigits = 6;

// ---------------------------------------------------------------------------------
// Pseudo-random numbers.

uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// DO NOT RENUMBER: the values seed the streams, so they are part of the output format.
enum class Stream : uint64_t {
  kDegrees = 1,
  kDegreeShuffle = 2,
  kLeads = 3,
  kPopularity = 4,
  kConsortia = 5,
  kMemberships = 6,
  kOrganisations = 7,
  kPartOf = 8,
  kProgrammes = 9,
  kModels = 10,
  kHardware = 11,
};

class Rng {
 public:
  Rng(uint64_t seed, Stream stream) {
    uint64_t x = Mix64(seed) + Mix64(static_cast<uint64_t>(stream) * 0xD1B54A32D192ED03ULL);
    for (uint64_t& word : s_) {  // splitmix64 sequence from x
      x += 0x9E3779B97F4A7C15ULL;
      word = Mix64(x);
    }
  }

  uint64_t Next() {  // xoshiro256**
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) {
    Uint128 m = static_cast<Uint128>(Next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<Uint128>(Next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

  // Uniform in [0, 1), multiples of 2^-53 (exact products, so no rounding question).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1): quantile functions below divide by powers of it.
  double UnitOpen() { return (static_cast<double>(Next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Uninitialised (or zeroed) arrays without exceptions: a failed allocation becomes a
// ResourceExhausted status instead of std::bad_alloc.
template <typename T>
std::unique_ptr<T[]> Allocate(uint64_t n) {
  return std::unique_ptr<T[]>(new (std::nothrow) T[n]);
}
template <typename T>
std::unique_ptr<T[]> AllocateZeroed(uint64_t n) {
  return std::unique_ptr<T[]>(new (std::nothrow) T[n]());
}

// Walker/Vose alias table: O(1) weighted draws, which the membership loop makes millions of.
class AliasTable {
 public:
  // Takes ownership of `weights` (n positive values) and turns it into the table.
  bool Build(std::unique_ptr<double[]> weights, uint32_t n) {
    n_ = n;
    prob_ = std::move(weights);
    alias_ = Allocate<uint32_t>(n);
    std::unique_ptr<uint32_t[]> work = Allocate<uint32_t>(n);
    if (prob_ == nullptr || alias_ == nullptr || work == nullptr) return false;
    double total = 0.0;
    for (uint32_t i = 0; i < n; ++i) total += prob_[i];
    const double scale = static_cast<double>(n);
    // Small entries grow from the front of `work`, large ones from the back.
    uint32_t num_small = 0;
    uint32_t large_begin = n;
    for (uint32_t i = 0; i < n; ++i) {
      prob_[i] = prob_[i] * scale / total;
      alias_[i] = i;
      if (prob_[i] < 1.0) {
        work[num_small++] = i;
      } else {
        work[--large_begin] = i;
      }
    }
    while (num_small > 0 && large_begin < n) {
      const uint32_t small = work[--num_small];
      const uint32_t large = work[large_begin++];
      alias_[small] = large;
      prob_[large] = (prob_[large] + prob_[small]) - 1.0;
      if (prob_[large] < 1.0) {
        work[num_small++] = large;
      } else {
        work[--large_begin] = large;
      }
    }
    // Leftovers are 1 up to rounding.
    while (num_small > 0) prob_[work[--num_small]] = 1.0;
    while (large_begin < n) prob_[work[large_begin++]] = 1.0;
    return true;
  }

  uint32_t Sample(Rng& rng) const {
    const uint32_t i = static_cast<uint32_t>(rng.Below(n_));
    return rng.Unit() < prob_[i] ? i : alias_[i];
  }

 private:
  uint32_t n_ = 0;
  std::unique_ptr<double[]> prob_;
  std::unique_ptr<uint32_t[]> alias_;
};

// ---------------------------------------------------------------------------------
// Buffered CSV output.

// Writes `v` in decimal at `out` (room for 20 bytes); returns the length.
size_t FormatUint(uint64_t v, char* out) {
  char tmp[20];
  size_t n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i];
  return n;
}

// One output file, written under a temporary name and renamed by Commit(). Write errors
// are sticky and reported by Finish(), which keeps the row-writing code free of checks.
class CsvFile {
 public:
  static constexpr size_t kBufferSize = size_t{1} << 20;

  CsvFile() = default;
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;
  ~CsvFile() { Discard(); }

  absl::Status Open(std::string final_path, std::string_view header) {
    final_path_ = std::move(final_path);
    // rename() cannot replace a directory; failing now, before anything is renamed,
    // keeps the all-or-nothing promise for the one rename failure a caller can cause.
    struct stat existing;
    if (::stat(final_path_.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode)) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot replace ", final_path_, ": it is a directory"));
    }
    temp_path_ = absl::StrCat(final_path_, ".tmp-", static_cast<int64_t>(::getpid()));
    buffer_ = Allocate<char>(kBufferSize);
    if (buffer_ == nullptr) return absl::ResourceExhaustedError("out of memory");
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot create ", temp_path_));
    temp_exists_ = true;
    Put(header);
    Put('\n');
    return absl::OkStatus();
  }

  // Room for `n` (<= kBufferSize) bytes; Advance() then keeps what was written.
  char* Reserve(size_t n) {
    if (kBufferSize - length_ < n) Flush();
    return buffer_.get() + length_;
  }
  void Advance(size_t n) { length_ += n; }

  void Put(char c) {
    if (length_ == kBufferSize) Flush();
    buffer_[length_++] = c;
  }
  void Put(std::string_view s) {
    if (s.size() > kBufferSize - length_) {
      Flush();
      if (s.size() > kBufferSize) {
        WriteAll(s.data(), s.size());
        return;
      }
    }
    std::memcpy(buffer_.get() + length_, s.data(), s.size());
    length_ += s.size();
  }
  void PutUint(uint64_t v) { Advance(FormatUint(v, Reserve(20))); }
  // `prefix` followed by `v`, as in ids: "o", 123 -> "o123".
  void PutId(std::string_view prefix, uint64_t v) {
    Put(prefix);
    PutUint(v);
  }
  // Zero-padded to kNameDigits.
  void PutPadded(uint64_t v) {
    char digits[20];
    const size_t n = FormatUint(v, digits);
    for (size_t i = n; i < kNameDigits; ++i) Put('0');
    Put(std::string_view(digits, n));
  }
  // A string field, quoted only when it holds a delimiter, quote or line break.
  void PutField(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
      Put(s);
      return;
    }
    Put('"');
    for (char c : s) {
      if (c == '"') Put('"');
      Put(c);
    }
    Put('"');
  }

  // Flushes and closes; reports the first write error.
  absl::Status Finish() {
    Flush();
    if (fd_ >= 0) {
      if (::close(fd_) != 0 && error_ == 0) error_ = errno;
      fd_ = -1;
    }
    if (error_ != 0) return absl::ErrnoToStatus(error_, absl::StrCat("cannot write ", temp_path_));
    return absl::OkStatus();
  }

  absl::Status Commit() {
    if (::rename(temp_path_.c_str(), final_path_.c_str()) != 0) {
      return absl::ErrnoToStatus(errno,
                                 absl::StrCat("cannot rename ", temp_path_, " to ", final_path_));
    }
    temp_exists_ = false;
    return absl::OkStatus();
  }

  // Closes and deletes the temporary file unless it was committed.
  void Discard() {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
    if (temp_exists_) {
      ::unlink(temp_path_.c_str());
      temp_exists_ = false;
    }
  }

  int64_t bytes() const { return bytes_; }

 private:
  void Flush() {
    WriteAll(buffer_.get(), length_);
    length_ = 0;
  }

  void WriteAll(const char* data, size_t size) {
    if (error_ != 0 || fd_ < 0) return;
    while (size > 0) {
      const ssize_t n = ::write(fd_, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return;
      }
      data += n;
      size -= static_cast<size_t>(n);
      bytes_ += n;
    }
  }

  std::string final_path_;
  std::string temp_path_;
  std::unique_ptr<char[]> buffer_;
  size_t length_ = 0;
  int fd_ = -1;
  int error_ = 0;
  bool temp_exists_ = false;
  int64_t bytes_ = 0;
};

enum FileId {
  kOrganisationFile,
  kConsortiumFile,
  kProgrammeFile,
  kModelFile,
  kHardwareFile,
  kMemberOfFile,
  kPartOfFile,
  kSelectedForFile,
  kDevelopsFile,
  kBuildsFile,
  kUsesFile,
  kMakesFile,
  kFileCount,
};

struct FileSpec {
  const char* dir;
  const char* name;
  const char* header;
};

// Indexed by FileId. The headers are the bundled dataset's, column for column.
constexpr FileSpec kFiles[kFileCount] = {
    {"nodes", "organisation.csv",
     "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description"},
    {"nodes", "consortium.csv",
     "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,first_evaluation"},
    {"nodes", "programme.csv",
     "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,budget_krw:int,"
     "duration_years:int,gpus:int,max_consortia:int,performance_target_pct:int"},
    {"nodes", "model.csv",
     "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,"
     "parameters_billion:double,modality,status"},
    {"nodes", "hardware.csv",
     "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,units:int,"
     "petaflops:double"},
    {"edges", "member_of.csv", ":START_ID,:END_ID,:TYPE,role,since:int,source"},
    {"edges", "part_of.csv", ":START_ID,:END_ID,:TYPE,source"},
    {"edges", "selected_for.csv", ":START_ID,:END_ID,:TYPE,source"},
    {"edges", "develops.csv", ":START_ID,:END_ID,:TYPE,source"},
    {"edges", "builds.csv", ":START_ID,:END_ID,:TYPE,source"},
    {"edges", "uses.csv", ":START_ID,:END_ID,:TYPE,source"},
    {"edges", "makes.csv", ":START_ID,:END_ID,:TYPE,source"},
};

// An edge row without properties besides `source`.
void PutEdge(CsvFile& f, std::string_view from_prefix, uint64_t from, std::string_view to_prefix,
             uint64_t to, std::string_view type) {
  f.PutId(from_prefix, from);
  f.Put(',');
  f.PutId(to_prefix, to);
  f.Put(',');
  f.Put(type);
  f.Put(",generated\n");
}

// ---------------------------------------------------------------------------------
// Vocabulary.

// Kind, modality and status values are the bundled dataset's (data/README.md), so queries
// written against it run unchanged on generated graphs.
// DO NOT REORDER: draws index these tables, so the order is part of the output.
enum OrgKind : uint8_t {
  kCompany,
  kUniversity,
  kResearchInstitute,
  kHospital,
  kPublicAgency,
  kBroadcaster,
};
constexpr std::string_view kOrgKindNames[] = {"company",  "university",    "research_institute",
                                              "hospital", "public_agency", "broadcaster"};
constexpr std::string_view kOrgKindSuffixes[] = {
    "", "University", "Institute", "Medical Center", "Agency", "Broadcasting"};
constexpr std::string_view kOrgKindSuffixesKo[] = {"", "대학교", "연구원", "의료원", "청", "방송"};
constexpr std::string_view kOrgKindDescriptions[] = {
    "", "University", "Research institute", "Hospital", "Public agency", "Broadcaster"};
constexpr std::string_view kCompanySuffixes[] = {
    "Robotics", "AI",   "Systems", "Labs",     "Cloud", "Semiconductor",
    "Networks", "Data", "Vision",  "Mobility", "Bio",   "Energy"};
constexpr std::string_view kCompanySuffixesKo[] = {"로보틱스", "에이아이", "시스템즈", "랩스",
                                                   "클라우드", "반도체",   "네트웍스", "데이터",
                                                   "비전",     "모빌리티", "바이오",   "에너지"};
constexpr uint64_t kNumCompanySuffixes = std::size(kCompanySuffixes);
static_assert(std::size(kCompanySuffixesKo) == kNumCompanySuffixes);

// Kinds and their modality, from the bundled dataset's vocabulary (data/README.md).
struct ModelKind {
  std::string_view kind;
  std::string_view modality;  // empty: not stated, as for the bundled foundation models
  std::string_view name_suffix;
};
constexpr ModelKind kModelKinds[] = {{"foundation_model", "", "Foundation"},
                                     {"llm", "text", "LLM"},
                                     {"vision_language", "vision_language", "Vision"},
                                     {"video_multimodal", "video", "Video"}};
// Doubles as literal text: formatting them at run time could differ between libcs.
constexpr std::string_view kModelParameters[] = {"0.5",  "1.3",  "2.4",  "7.0",  "7.8",
                                                 "13.0", "32.0", "34.0", "70.0", "236.0"};
constexpr std::string_view kModelStatuses[] = {"released", "available", "in_development"};
constexpr std::string_view kHardwareKinds[] = {"gpu", "npu", "npu_cluster"};
constexpr std::string_view kHardwareSuffixes[] = {"GPU Pool", "NPU", "NPU Cluster"};

template <typename T, size_t N>
const T& Pick(const T (&table)[N], Rng& rng) {
  return table[rng.Below(N)];
}

// ---------------------------------------------------------------------------------
// Organisation degrees.

// u^(-5/8) - 1, the Lomax (Pareto II) quantile with tail index 1.6 at survival
// probability u. 1.6 makes most organisations join one or two consortia while the top 1%
// hold about a quarter of all memberships; a heavier tail (4/3) would put single hubs into
// nearly every consortium at every scale, which makes consortium-pair (shared member)
// workloads explode, and a lighter one (2) leaves too few one- or two-consortium members.
// The exponent is built from square roots because sqrt is correctly rounded everywhere
// and pow is not.
double TailQuantile(double u) {
  const double root2 = std::sqrt(u);                 // u^(1/2)
  const double root8 = std::sqrt(std::sqrt(root2));  // u^(1/8)
  return 1.0 / (root2 * root8) - 1.0;
}

// Fills degree[0, n) with heavy-tailed degrees in [1, c] summing exactly to `target`
// (n <= target <= n * c), in random order. Returns false when memory runs out.
//
// Quantiles are stratified (one uniform draw inside each 1/n slice) so the sample mean is
// close to the law's even at small n; the scale is then bisected so that the realised
// total hits the target, and the remaining few units are spread over random organisations.
bool DrawDegrees(uint64_t n, uint64_t c, uint64_t target, uint64_t seed, uint32_t* degree) {
  if (target >= n * c) {
    std::fill(degree, degree + n, static_cast<uint32_t>(c));
    return true;
  }
  std::unique_ptr<double[]> quantile = Allocate<double>(n);
  if (quantile == nullptr) return false;
  Rng rng(seed, Stream::kDegrees);
  const double dn = static_cast<double>(n);
  for (uint64_t i = 0; i < n; ++i) {
    quantile[i] = TailQuantile((static_cast<double>(i) + rng.UnitOpen()) / dn);
  }

  const double cap = static_cast<double>(c - 1);
  auto degree_at = [&](double scale, uint64_t i) -> uint64_t {
    const double x = scale * quantile[i];
    return x >= cap ? c : 1 + static_cast<uint64_t>(x);
  };
  // Total at `scale`, stopping early once it exceeds the target.
  auto total_at = [&](double scale) -> uint64_t {
    uint64_t total = 0;
    for (uint64_t i = 0; i < n && total <= target; ++i) total += degree_at(scale, i);
    return total;
  };

  // total_at is non-decreasing in the scale: find lo <= target < hi, then bisect.
  double lo = 0.0;
  uint64_t total_lo = n;
  double hi = 1.0;
  bool bracketed = false;
  while (hi < 0x1.0p1000) {
    const uint64_t total_hi = total_at(hi);
    if (total_hi > target) {
      bracketed = true;
      break;
    }
    lo = hi;
    total_lo = total_hi;
    if (total_hi == target) break;
    hi *= 2.0;
  }
  if (bracketed) {
    for (int iteration = 0; iteration < 200 && total_lo != target; ++iteration) {
      const double mid = (lo + hi) * 0.5;
      if (mid <= lo || mid >= hi) break;
      const uint64_t total_mid = total_at(mid);
      if (total_mid <= target) {
        lo = mid;
        total_lo = total_mid;
      } else {
        hi = mid;
      }
    }
  }
  for (uint64_t i = 0; i < n; ++i) degree[i] = static_cast<uint32_t>(degree_at(lo, i));
  quantile.reset();

  Rng shuffle(seed, Stream::kDegreeShuffle);
  for (uint64_t i = n - 1; i > 0; --i) std::swap(degree[i], degree[shuffle.Below(i + 1)]);

  uint64_t residual = target - total_lo;
  const uint64_t max_tries = 4 * residual + 1024;
  for (uint64_t tries = 0; residual > 0 && tries < max_tries; ++tries) {
    const uint64_t i = shuffle.Below(n);
    if (degree[i] < c) {
      ++degree[i];
      --residual;
    }
  }
  for (uint64_t i = 0; residual > 0 && i < n; ++i) {  // only when nearly all are at c
    const uint64_t add = std::min<uint64_t>(c - degree[i], residual);
    degree[i] += static_cast<uint32_t>(add);
    residual -= add;
  }
  return true;
}

// ---------------------------------------------------------------------------------
// The generator.

class Generator {
 public:
  Generator(const GeneratorOptions& options, CsvFile* files)
      : n_(static_cast<uint64_t>(options.organisations)),
        c_(static_cast<uint64_t>(options.consortia)),
        seed_(options.seed),
        files_(files),
        leads_rng_(options.seed, Stream::kLeads),
        consortia_rng_(options.seed, Stream::kConsortia),
        programmes_rng_(options.seed, Stream::kProgrammes) {
    const double mean = std::min(options.mean_memberships, static_cast<double>(c_));
    const uint64_t wanted = static_cast<uint64_t>(std::llround(static_cast<double>(n_) * mean));
    // Every consortium needs its own lead membership.
    total_memberships_ = std::min(std::max({wanted, c_, n_}), n_ * c_);
    hub_degree_ = std::max<uint64_t>(8, static_cast<uint64_t>(std::llround(4.0 * mean)));
  }

  absl::Status Run(GeneratorStats& stats) {
    if (!Prepare()) return absl::ResourceExhaustedError("out of memory generating the graph");
    WriteOrganisationsAndMemberships(stats);
    WriteConsortiaAndProgrammes(stats);
    WriteModels(stats);
    WriteHardware(stats);
    stats.organisations = static_cast<int64_t>(n_);
    stats.consortia = static_cast<int64_t>(c_);
    return absl::OkStatus();
  }

 private:
  CsvFile& file(FileId id) { return files_[id]; }

  bool Prepare() {
    degree_ = Allocate<uint32_t>(n_);
    kind_ = Allocate<uint8_t>(n_);
    depth_ = AllocateZeroed<uint8_t>(n_);
    lead_order_ = Allocate<uint32_t>(c_);
    lead_of_ = Allocate<uint32_t>(c_);
    stamp_ = AllocateZeroed<uint32_t>(c_);
    founded_ = Allocate<uint16_t>(c_);
    programme_of_ = Allocate<int32_t>(c_);
    if (degree_ == nullptr || kind_ == nullptr || depth_ == nullptr || lead_order_ == nullptr ||
        lead_of_ == nullptr || stamp_ == nullptr || founded_ == nullptr ||
        programme_of_ == nullptr) {
      return false;
    }
    if (!DrawDegrees(n_, c_, total_memberships_, seed_, degree_.get())) return false;

    // Leads take consortia in a random order, so which organisation leads which
    // consortium is independent of consortium ids and of popularity.
    Shuffle(lead_order_.get(), leads_rng_);

    // Popularity: the consortium of popularity rank r is drawn with weight 1 / (r + k),
    // k = c / 100 (Zipf with exponent 1, offset so the shape does not depend on scale):
    // the largest consortium gets 30-50x the members of the median one.
    Rng popularity(seed_, Stream::kPopularity);
    {
      std::unique_ptr<uint32_t[]> by_rank = Allocate<uint32_t>(c_);
      std::unique_ptr<double[]> weight = Allocate<double>(c_);
      if (by_rank == nullptr || weight == nullptr) return false;
      Shuffle(by_rank.get(), popularity);
      const double offset = static_cast<double>(std::max<uint64_t>(1, c_ / 100));
      for (uint64_t r = 0; r < c_; ++r) {
        weight[by_rank[r]] = 1.0 / (static_cast<double>(r) + offset);
      }
      if (!popularity_.Build(std::move(weight), static_cast<uint32_t>(c_))) return false;
    }

    for (uint64_t i = 0; i < c_; ++i) {
      founded_[i] =
          static_cast<uint16_t>(kFirstYear + consortia_rng_.Below(kLastYear - kFirstYear + 1));
    }

    // About one programme per 50 consortia, each selecting up to its max_consortia
    // (3..8, like the real programme's 5); the selected consortia have kind programme.
    Rng& programmes = programmes_rng_;
    const uint64_t num_programmes = std::max<uint64_t>(1, (c_ + 25) / 50);
    max_consortia_.assign(num_programmes, 0);
    std::vector<uint32_t> selected(num_programmes, 0);
    uint64_t wanted = 0;
    for (uint64_t p = 0; p < num_programmes; ++p) {
      max_consortia_[p] = static_cast<uint32_t>(3 + programmes.Below(6));
      selected[p] = max_consortia_[p] - static_cast<uint32_t>(programmes.Below(3));
      wanted += selected[p];
    }
    uint64_t need = std::min(wanted, c_);
    uint64_t programme = 0;
    uint64_t taken_by_programme = 0;
    for (uint64_t i = 0; i < c_; ++i) {  // selection sampling: `need` consortia, uniformly
      programme_of_[i] = -1;
      if (need > 0 && programmes.Below(c_ - i) < need) {
        --need;
        while (taken_by_programme == selected[programme]) {
          ++programme;
          taken_by_programme = 0;
        }
        programme_of_[i] = static_cast<int32_t>(programme);
        ++taken_by_programme;
      }
    }
    return true;
  }

  void Shuffle(uint32_t* values, Rng& rng) {
    for (uint64_t i = 0; i < c_; ++i) values[i] = static_cast<uint32_t>(i);
    for (uint64_t i = c_ - 1; i > 0; --i) std::swap(values[i], values[rng.Below(i + 1)]);
  }

  OrgKind DrawKind(uint64_t degree, Rng& rng) const {
    const uint64_t r = rng.Below(100);
    if (degree >= hub_degree_) {  // the few organisations in very many consortia
      if (r < 60) return kUniversity;
      if (r < 90) return kResearchInstitute;
      if (r < 95) return kPublicAgency;
      return kCompany;
    }
    if (r < 84) return kCompany;
    if (r < 89) return kUniversity;
    if (r < 92) return kResearchInstitute;
    if (r < 96) return kHospital;
    if (r < 99) return kPublicAgency;
    return kBroadcaster;
  }

  void WriteOrganisation(uint64_t o, OrgKind kind, Rng& rng) {
    CsvFile& f = file(kOrganisationFile);
    std::string_view suffix = kOrgKindSuffixes[kind];
    std::string_view suffix_ko = kOrgKindSuffixesKo[kind];
    if (kind == kCompany) {
      const uint64_t s = rng.Below(kNumCompanySuffixes);
      suffix = kCompanySuffixes[s];
      suffix_ko = kCompanySuffixesKo[s];
    }
    f.PutId(kOrganisationId, o);
    f.Put(",Organisation,Org ");
    f.PutPadded(o);
    f.Put(' ');
    f.Put(suffix);
    f.Put(",기관 ");
    f.PutPadded(o);
    f.Put(' ');
    f.Put(suffix_ko);
    f.Put(',');
    if (rng.Below(20) == 0) {  // a few aliases, so array columns get exercised
      f.Put("ORG-");
      f.PutPadded(o);
      f.Put(";O");
      f.PutUint(o);
    }
    f.Put(',');
    f.Put(kOrgKindNames[kind]);
    f.Put(",generated,");
    if (rng.Below(10) == 0) {  // descriptions with a comma, so quoting gets exercised
      description_.clear();
      if (kind == kCompany) {
        description_.append(suffix).append(" company");
      } else {
        description_.append(kOrgKindDescriptions[kind]);
      }
      description_.append(", est. ");
      char year[20];
      description_.append(year, FormatUint(1950 + rng.Below(75), year));
      f.PutField(description_);
    }
    f.Put('\n');
  }

  // A parent of the same kind (a hospital's parent is a university), chosen among
  // earlier organisations: parents precede children, so PART_OF cannot cycle.
  void MaybeWritePartOf(uint64_t o, OrgKind kind, Rng& rng, GeneratorStats& stats) {
    if (o == 0 || rng.Below(10) != 0) return;
    const uint8_t wanted_kind = kind == kHospital ? kUniversity : kind;
    for (int attempt = 0; attempt < 48; ++attempt) {
      const uint64_t parent = rng.Below(o);
      if (depth_[parent] >= kMaxPartOfDepth) continue;
      if (attempt < 32 && kind_[parent] != wanted_kind) continue;
      depth_[o] = static_cast<uint8_t>(depth_[parent] + 1);
      PutEdge(file(kPartOfFile), kOrganisationId, o, kOrganisationId, parent, "PART_OF");
      ++stats.part_of;
      return;
    }
  }

  void PutMembership(std::string_view org_prefix, uint32_t consortium, bool lead, Rng& rng) {
    static constexpr std::string_view kLead = ",MEMBER_OF,lead,";
    static constexpr std::string_view kMember = ",MEMBER_OF,member,";
    static constexpr std::string_view kTail = ",generated\n";
    const uint64_t founded = founded_[consortium];
    const uint64_t year = lead ? founded : founded + rng.Below(kLastYear - founded + 1);
    CsvFile& f = file(kMemberOfFile);
    char* const start = f.Reserve(org_prefix.size() + kConsortiumId.size() + 20 + kMember.size() +
                                  20 + kTail.size());
    char* p = start;
    std::memcpy(p, org_prefix.data(), org_prefix.size());
    p += org_prefix.size();
    std::memcpy(p, kConsortiumId.data(), kConsortiumId.size());
    p += kConsortiumId.size();
    p += FormatUint(consortium, p);
    const std::string_view role = lead ? kLead : kMember;
    std::memcpy(p, role.data(), role.size());
    p += role.size();
    p += FormatUint(year, p);
    std::memcpy(p, kTail.data(), kTail.size());
    p += kTail.size();
    f.Advance(static_cast<size_t>(p - start));
  }

  // Streams organisations with their PART_OF and MEMBER_OF rows.
  //
  // Memberships: organisation o has degree_[o] membership "stubs". Exactly c of all the
  // stubs, chosen uniformly by selection sampling as they stream by, are leads; the j-th
  // lead stub leads consortium lead_order_[j], so every consortium gets exactly one lead
  // and organisations lead in proportion to their degree. The other stubs pick distinct
  // consortia by popularity; an organisation that needs a large share of all consortia
  // picks the rest uniformly instead, because rejection sampling from a skewed law
  // would spend most draws on consortia it already has.
  void WriteOrganisationsAndMemberships(GeneratorStats& stats) {
    Rng attributes(seed_, Stream::kOrganisations);
    Rng part_of(seed_, Stream::kPartOf);
    Rng& leads = leads_rng_;
    Rng members(seed_, Stream::kMemberships);

    uint64_t stubs_left = total_memberships_;
    uint64_t leads_left = c_;
    uint64_t next_lead = 0;
    char prefix[kOrganisationId.size() + 21];  // id and comma
    for (uint64_t o = 0; o < n_; ++o) {
      const uint64_t degree = degree_[o];
      const OrgKind kind = DrawKind(degree, attributes);
      kind_[o] = kind;
      WriteOrganisation(o, kind, attributes);
      MaybeWritePartOf(o, kind, part_of, stats);

      std::memcpy(prefix, kOrganisationId.data(), kOrganisationId.size());
      size_t prefix_length = kOrganisationId.size();
      prefix_length += FormatUint(o, prefix + prefix_length);
      prefix[prefix_length++] = ',';
      const std::string_view org_prefix(prefix, prefix_length);
      const uint32_t stamp = static_cast<uint32_t>(o + 1);

      uint64_t led = 0;
      for (uint64_t stub = 0; stub < degree && leads_left > 0; ++stub) {
        if (leads.Below(stubs_left - stub) < leads_left) {
          const uint32_t consortium = lead_order_[next_lead++];
          --leads_left;
          lead_of_[consortium] = static_cast<uint32_t>(o);
          stamp_[consortium] = stamp;
          PutMembership(org_prefix, consortium, /*lead=*/true, members);
          ++led;
        }
      }
      stubs_left -= degree;

      uint64_t remaining = degree - led;
      uint64_t pool = c_ - led;  // consortia o is not in yet
      if (remaining > 0 && 4 * remaining <= pool) {
        const uint64_t max_draws = 4 * remaining + 64;
        for (uint64_t draw = 0; remaining > 0 && draw < max_draws; ++draw) {
          const uint32_t consortium = popularity_.Sample(members);
          if (stamp_[consortium] == stamp) continue;
          stamp_[consortium] = stamp;
          PutMembership(org_prefix, consortium, /*lead=*/false, members);
          --remaining;
          --pool;
        }
      }
      // Selection sampling over the consortia o is not in: `remaining` of `pool`.
      for (uint64_t consortium = 0; remaining > 0 && consortium < c_; ++consortium) {
        if (stamp_[consortium] == stamp) continue;
        if (members.Below(pool) < remaining) {
          stamp_[consortium] = stamp;
          PutMembership(org_prefix, static_cast<uint32_t>(consortium), /*lead=*/false, members);
          --remaining;
        }
        --pool;
      }
    }
    stats.memberships = static_cast<int64_t>(total_memberships_);
  }

  void WriteConsortiaAndProgrammes(GeneratorStats& stats) {
    Rng& consortia = consortia_rng_;
    CsvFile& f = file(kConsortiumFile);
    for (uint64_t i = 0; i < c_; ++i) {
      const bool in_programme = programme_of_[i] >= 0;
      f.PutId(kConsortiumId, i);
      f.Put(in_programme ? ",Consortium,Consortium " : ",Consortium,Alliance ");
      f.PutPadded(i);
      f.Put(in_programme ? ",컨소시엄 " : ",얼라이언스 ");
      f.PutPadded(i);
      f.Put(',');
      if (consortia.Below(10) == 0) {
        f.Put("C-");
        f.PutPadded(i);
      }
      f.Put(in_programme ? ",programme,generated," : ",alliance,generated,");
      if (in_programme) {
        f.Put("Selected for Programme ");
        f.PutPadded(static_cast<uint64_t>(programme_of_[i]));
        f.Put(',');
        const uint64_t r = consortia.Below(10);
        if (r < 4) {
          f.Put("passed");
        } else if (r < 6) {
          f.Put("failed");
        }
      } else {
        f.Put(',');
      }
      f.Put('\n');
      if (in_programme) {
        PutEdge(file(kSelectedForFile), kConsortiumId, i, kProgrammeId,
                static_cast<uint64_t>(programme_of_[i]), "SELECTED_FOR");
        ++stats.other_edges;
      }
    }

    Rng& attributes = programmes_rng_;
    CsvFile& p = file(kProgrammeFile);
    for (uint64_t i = 0; i < max_consortia_.size(); ++i) {
      p.PutId(kProgrammeId, i);
      p.Put(",Programme,Programme ");
      p.PutPadded(i);
      p.Put(",사업 ");
      p.PutPadded(i);
      p.Put(",,government_programme,generated,,");
      p.PutUint((10 + attributes.Below(491)) * 1'000'000'000);  // KRW 10..500 billion
      p.Put(',');
      p.PutUint(1 + attributes.Below(5));
      p.Put(',');
      p.PutUint(500 * (1 + attributes.Below(40)));
      p.Put(',');
      p.PutUint(max_consortia_[i]);
      p.Put(',');
      p.PutUint(80 + attributes.Below(20));
      p.Put('\n');
    }
    stats.programmes = static_cast<int64_t>(max_consortia_.size());
  }

  // Programme consortia build one or two models, a quarter of the alliances one; the
  // consortium's lead develops each. Consortium 0 always builds one, so the file is never
  // empty.
  void WriteModels(GeneratorStats& stats) {
    Rng rng(seed_, Stream::kModels);
    uint64_t model = 0;
    for (uint64_t i = 0; i < c_; ++i) {
      uint64_t count = programme_of_[i] >= 0 ? 1 + rng.Below(2) : (rng.Below(4) == 0 ? 1 : 0);
      if (i == 0) count = std::max<uint64_t>(count, 1);
      for (; count > 0; --count, ++model) {
        CsvFile& f = file(kModelFile);
        const ModelKind& kind = Pick(kModelKinds, rng);
        f.PutId(kModelId, model);
        f.Put(",Model,Model ");
        f.PutPadded(model);
        f.Put(' ');
        f.Put(kind.name_suffix);
        f.Put(",모델 ");
        f.PutPadded(model);
        f.Put(",,");
        f.Put(kind.kind);
        f.Put(",generated,,");
        f.Put(Pick(kModelParameters, rng));
        f.Put(',');
        f.Put(kind.modality);
        f.Put(',');
        f.Put(Pick(kModelStatuses, rng));
        f.Put('\n');
        PutEdge(file(kDevelopsFile), kOrganisationId, lead_of_[i], kModelId, model, "DEVELOPS");
        PutEdge(file(kBuildsFile), kConsortiumId, i, kModelId, model, "BUILDS");
        stats.other_edges += 2;
      }
    }
    stats.models = static_cast<int64_t>(model);
  }

  // About one hardware item per 20 consortia, each made by a company; programme
  // consortia use one or two, a quarter of the alliances one, favouring low ids (a few
  // shared GPU pools serve many consortia).
  void WriteHardware(GeneratorStats& stats) {
    Rng rng(seed_, Stream::kHardware);
    const uint64_t count = std::max<uint64_t>(1, (c_ + 10) / 20);
    CsvFile& f = file(kHardwareFile);
    for (uint64_t h = 0; h < count; ++h) {
      const uint64_t kind = rng.Below(std::size(kHardwareKinds));
      // GPU pools of 8..10,000 GPUs (the real programme's pool has 10,000), NPU boards of
      // 1..16 chips, NPU clusters of 64..10,240 chips.
      const uint64_t units = kind == 0   ? 8 * (1 + rng.Below(1250))
                             : kind == 1 ? 1 + rng.Below(16)
                                         : 64 * (1 + rng.Below(160));
      const uint64_t tenth_petaflops = units * (5 + rng.Below(16));  // 0.5..2 PF per unit
      f.PutId(kHardwareId, h);
      f.Put(",Hardware,Hardware ");
      f.PutPadded(h);
      f.Put(' ');
      f.Put(kHardwareSuffixes[kind]);
      f.Put(",하드웨어 ");
      f.PutPadded(h);
      f.Put(",,");
      f.Put(kHardwareKinds[kind]);
      f.Put(",generated,,");
      f.PutUint(units);
      f.Put(',');
      f.PutUint(tenth_petaflops / 10);
      f.Put('.');
      f.PutUint(tenth_petaflops % 10);
      f.Put('\n');

      uint64_t maker = rng.Below(n_);
      for (int attempt = 1; attempt < 64 && kind_[maker] != kCompany; ++attempt) {
        maker = rng.Below(n_);
      }
      PutEdge(file(kMakesFile), kOrganisationId, maker, kHardwareId, h, "MAKES");
      ++stats.other_edges;
    }
    stats.hardware = static_cast<int64_t>(count);

    const double dcount = static_cast<double>(count);
    auto skewed = [&]() -> uint64_t {
      const double u = rng.Unit();
      return std::min(count - 1, static_cast<uint64_t>(dcount * (u * u)));
    };
    for (uint64_t i = 0; i < c_; ++i) {
      const uint64_t uses = programme_of_[i] >= 0 ? 1 + rng.Below(2) : (rng.Below(4) == 0 ? 1 : 0);
      if (uses == 0) continue;
      const uint64_t first = skewed();
      PutEdge(file(kUsesFile), kConsortiumId, i, kHardwareId, first, "USES");
      ++stats.other_edges;
      if (uses == 2 && count > 1) {
        uint64_t second = skewed();
        if (second == first) second = (first + 1) % count;
        PutEdge(file(kUsesFile), kConsortiumId, i, kHardwareId, second, "USES");
        ++stats.other_edges;
      }
    }
  }

  const uint64_t n_;
  const uint64_t c_;
  const uint64_t seed_;
  CsvFile* const files_;
  uint64_t total_memberships_ = 0;
  uint64_t hub_degree_ = 0;
  // Streams drawn from in more than one phase.
  Rng leads_rng_;
  Rng consortia_rng_;
  Rng programmes_rng_;

  // Per organisation.
  std::unique_ptr<uint32_t[]> degree_;
  std::unique_ptr<uint8_t[]> kind_;
  std::unique_ptr<uint8_t[]> depth_;  // PART_OF edges above it
  // Per consortium.
  std::unique_ptr<uint32_t[]> lead_order_;
  std::unique_ptr<uint32_t[]> lead_of_;
  std::unique_ptr<uint32_t[]> stamp_;  // o + 1 while organisation o picks its consortia
  std::unique_ptr<uint16_t[]> founded_;
  std::unique_ptr<int32_t[]> programme_of_;  // -1 for alliances
  AliasTable popularity_;
  // Per programme.
  std::vector<uint32_t> max_consortia_;

  std::string description_;  // reused so rows do not allocate
};

absl::Status ValidateOptions(const GeneratorOptions& options, const std::string& out_dir) {
  if (options.organisations < 1 || options.organisations > kMaxGeneratorNodes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "organisations must be in [1, ", kMaxGeneratorNodes, "], got ", options.organisations));
  }
  if (options.consortia < 1 || options.consortia > kMaxGeneratorNodes) {
    return absl::InvalidArgumentError(absl::StrCat("consortia must be in [1, ", kMaxGeneratorNodes,
                                                   "], got ", options.consortia));
  }
  if (!(options.mean_memberships >= 1.0) || !std::isfinite(options.mean_memberships)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "mean_memberships must be finite and at least 1, got ", options.mean_memberships));
  }
  if (out_dir.empty()) return absl::InvalidArgumentError("output directory is empty");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GeneratorStats> GenerateAllianceGraph(const GeneratorOptions& options,
                                                     const std::string& out_dir) {
  if (absl::Status status = ValidateOptions(options, out_dir); !status.ok()) return status;

  const std::filesystem::path root(out_dir);
  for (const char* sub : {"nodes", "edges"}) {
    std::error_code error;
    std::filesystem::create_directories(root / sub, error);
    if (error) {
      return absl::ErrnoToStatus(error.value(),
                                 absl::StrCat("cannot create directory ", (root / sub).string()));
    }
  }

  // Destroying `files` deletes every temporary file not yet renamed.
  std::unique_ptr<CsvFile[]> files(new (std::nothrow) CsvFile[kFileCount]);
  if (files == nullptr) return absl::ResourceExhaustedError("out of memory");
  for (int i = 0; i < kFileCount; ++i) {
    absl::Status status =
        files[i].Open((root / kFiles[i].dir / kFiles[i].name).string(), kFiles[i].header);
    if (!status.ok()) return status;
  }

  GeneratorStats stats;
  if (absl::Status status = Generator(options, files.get()).Run(stats); !status.ok()) {
    return status;
  }
  for (int i = 0; i < kFileCount; ++i) {
    if (absl::Status status = files[i].Finish(); !status.ok()) return status;
    stats.bytes_written += files[i].bytes();
  }
  for (int i = 0; i < kFileCount; ++i) {
    if (absl::Status status = files[i].Commit(); !status.ok()) return status;
  }
  return stats;
}

}  // namespace alliance

// Tests for the synthetic alliance-graph generator: determinism, counts, referential
// integrity, graph invariants (one lead per consortium, acyclic PART_OF), the heavy tail,
// the exact CSV layout and error handling.

#include "alliance/generator.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace alliance {
namespace {

namespace fs = std::filesystem;

const std::vector<std::pair<std::string, std::string>>& ExpectedHeaders() {
  static const auto* headers = new std::vector<std::pair<std::string, std::string>>{
      {"nodes/organisation.csv",
       "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description"},
      {"nodes/consortium.csv",
       "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,first_evaluation"},
      {"nodes/programme.csv",
       "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,budget_krw:int,"
       "duration_years:int,gpus:int,max_consortia:int,performance_target_pct:int"},
      {"nodes/model.csv",
       "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,"
       "parameters_billion:double,modality,status"},
      {"nodes/hardware.csv",
       "id:ID,:LABEL,name,name_ko,aliases:string[],kind,source,description,units:int,"
       "petaflops:double"},
      {"edges/member_of.csv", ":START_ID,:END_ID,:TYPE,role,since:int,source"},
      {"edges/part_of.csv", ":START_ID,:END_ID,:TYPE,source"},
      {"edges/selected_for.csv", ":START_ID,:END_ID,:TYPE,source"},
      {"edges/develops.csv", ":START_ID,:END_ID,:TYPE,source"},
      {"edges/builds.csv", ":START_ID,:END_ID,:TYPE,source"},
      {"edges/uses.csv", ":START_ID,:END_ID,:TYPE,source"},
      {"edges/makes.csv", ":START_ID,:END_ID,:TYPE,source"},
  };
  return *headers;
}

std::string MakeTempDir() {
  std::string pattern = (fs::path(::testing::TempDir()) / "alliance_gen_XXXXXX").string();
  const char* dir = ::mkdtemp(pattern.data());
  EXPECT_NE(dir, nullptr);
  return pattern;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Splits one CSV record (no embedded line breaks: the generator never writes them).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

struct Table {
  std::string header;
  std::vector<std::vector<std::string>> rows;
};

Table ReadTable(const fs::path& path) {
  Table table;
  std::ifstream in(path);
  std::getline(in, table.header);
  const size_t columns = SplitCsv(table.header).size();
  std::string line;
  while (std::getline(in, line)) {
    table.rows.push_back(SplitCsv(line));
    EXPECT_EQ(table.rows.back().size(), columns) << path << ": " << line;
  }
  return table;
}

int64_t Median(std::vector<int64_t> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// 64-bit FNV-1a over all twelve files, in a fixed order.
uint64_t Fingerprint(const fs::path& dir) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const auto& [file, header] : ExpectedHeaders()) {
    for (unsigned char c : ReadFile(dir / file)) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
  }
  return hash;
}

GeneratorOptions Options(int64_t organisations, int64_t consortia, uint64_t seed = 42) {
  GeneratorOptions options;
  options.organisations = organisations;
  options.consortia = consortia;
  options.seed = seed;
  return options;
}

// The S-scale graph (10k organisations, 1k consortia), generated and parsed once.
class GeneratorSTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    absl::StatusOr<GeneratorStats> stats = GenerateAllianceGraph(Options(10000, 1000), *dir_);
    ASSERT_TRUE(stats.ok()) << stats.status();
    stats_ = new GeneratorStats(*stats);
    tables_ = new std::map<std::string, Table>;
    for (const auto& [file, header] : ExpectedHeaders()) {
      (*tables_)[file] = ReadTable(fs::path(*dir_) / file);
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete stats_;
    delete tables_;
  }

  static const Table& table(const std::string& file) { return tables_->at(file); }

  static std::string* dir_;
  static GeneratorStats* stats_;
  static std::map<std::string, Table>* tables_;
};

std::string* GeneratorSTest::dir_ = nullptr;
GeneratorStats* GeneratorSTest::stats_ = nullptr;
std::map<std::string, Table>* GeneratorSTest::tables_ = nullptr;

TEST_F(GeneratorSTest, HeadersAreExact) {
  for (const auto& [file, header] : ExpectedHeaders()) {
    EXPECT_EQ(table(file).header, header) << file;
  }
}

TEST_F(GeneratorSTest, CountsMatchOptionsAndStats) {
  EXPECT_EQ(stats_->organisations, 10000);
  EXPECT_EQ(stats_->consortia, 1000);
  EXPECT_EQ(table("nodes/organisation.csv").rows.size(), 10000u);
  EXPECT_EQ(table("nodes/consortium.csv").rows.size(), 1000u);
  EXPECT_EQ(static_cast<int64_t>(table("nodes/programme.csv").rows.size()), stats_->programmes);
  EXPECT_EQ(stats_->programmes, 20);  // one per 50 consortia
  EXPECT_EQ(static_cast<int64_t>(table("nodes/model.csv").rows.size()), stats_->models);
  EXPECT_GE(stats_->models, 1);
  EXPECT_EQ(static_cast<int64_t>(table("nodes/hardware.csv").rows.size()), stats_->hardware);
  EXPECT_GE(stats_->hardware, 1);

  const int64_t memberships = static_cast<int64_t>(table("edges/member_of.csv").rows.size());
  EXPECT_EQ(memberships, stats_->memberships);
  EXPECT_GE(memberships, 45000);  // 10k * 5.0, +-10%
  EXPECT_LE(memberships, 55000);
  EXPECT_EQ(static_cast<int64_t>(table("edges/part_of.csv").rows.size()), stats_->part_of);

  int64_t other = 0;
  for (const char* file : {"edges/selected_for.csv", "edges/develops.csv", "edges/builds.csv",
                           "edges/uses.csv", "edges/makes.csv"}) {
    other += static_cast<int64_t>(table(file).rows.size());
  }
  EXPECT_EQ(other, stats_->other_edges);

  int64_t bytes = 0;
  for (const auto& [file, header] : ExpectedHeaders()) {
    bytes += static_cast<int64_t>(fs::file_size(fs::path(*dir_) / file));
  }
  EXPECT_EQ(bytes, stats_->bytes_written);
}

TEST_F(GeneratorSTest, NodesHaveUniqueIdsAndNamesAndValidKinds) {
  const std::map<std::string, std::pair<char, std::set<std::string>>> nodes = {
      {"nodes/organisation.csv",
       {'o',
        {"company", "university", "research_institute", "hospital", "public_agency",
         "broadcaster"}}},
      {"nodes/consortium.csv", {'c', {"programme", "alliance"}}},
      {"nodes/programme.csv", {'p', {"government_programme"}}},
      {"nodes/model.csv",
       {'m', {"foundation_model", "llm", "vision_language", "video_multimodal"}}},
      {"nodes/hardware.csv", {'h', {"gpu", "npu", "npu_cluster"}}},
  };
  const std::map<char, std::string> labels = {{'o', "Organisation"},
                                              {'c', "Consortium"},
                                              {'p', "Programme"},
                                              {'m', "Model"},
                                              {'h', "Hardware"}};
  std::unordered_set<std::string> ids;
  for (const auto& [file, spec] : nodes) {
    const auto& [prefix, kinds] = spec;
    std::unordered_set<std::string> names;
    for (const auto& row : table(file).rows) {
      ASSERT_FALSE(row[0].empty());
      EXPECT_EQ(row[0][0], prefix) << row[0];
      EXPECT_EQ(row[1], labels.at(prefix)) << row[0];
      EXPECT_TRUE(ids.insert(row[0]).second) << "duplicate id " << row[0];
      EXPECT_FALSE(row[2].empty()) << row[0];
      EXPECT_TRUE(names.insert(row[2]).second) << "duplicate name " << row[2];
      EXPECT_TRUE(kinds.count(row[5])) << row[0] << " kind " << row[5];
      EXPECT_EQ(row[6], "generated");
    }
  }
}

TEST_F(GeneratorSTest, EnumeratedValuesAreTheBundledDatasets) {
  // data/README.md: modality text, vision_language or video (or absent); status released,
  // available or in_development.
  const std::set<std::string> modalities = {"", "text", "vision_language", "video"};
  const std::set<std::string> statuses = {"released", "available", "in_development"};
  for (const auto& row : table("nodes/model.csv").rows) {
    EXPECT_TRUE(modalities.count(row[9])) << row[0] << " modality " << row[9];
    EXPECT_TRUE(statuses.count(row[10])) << row[0] << " status " << row[10];
    EXPECT_GT(std::stod(row[8]), 0.0);
  }
  for (const auto& row : table("nodes/consortium.csv").rows) {
    EXPECT_TRUE(row[8].empty() || row[8] == "passed" || row[8] == "failed") << row[8];
  }
  for (const auto& row : table("nodes/hardware.csv").rows) {
    EXPECT_GT(std::stoll(row[8]), 0);
    EXPECT_GT(std::stod(row[9]), 0.0);
  }
}

TEST_F(GeneratorSTest, QuotedAndArrayFieldsAppear) {
  // Some descriptions hold a comma (so they are quoted) and some aliases hold a list.
  int quoted = 0;
  int lists = 0;
  for (const auto& row : table("nodes/organisation.csv").rows) {
    if (row[7].find(',') != std::string::npos) ++quoted;
    if (row[4].find(';') != std::string::npos) ++lists;
  }
  EXPECT_GT(quoted, 100);
  EXPECT_GT(lists, 100);
  const std::string raw = ReadFile(fs::path(*dir_) / "nodes/organisation.csv");
  EXPECT_NE(raw.find(",\""), std::string::npos);
}

TEST_F(GeneratorSTest, EdgeEndpointsExistWithTheRightLabels) {
  std::unordered_set<std::string> ids;
  for (const char* file : {"nodes/organisation.csv", "nodes/consortium.csv", "nodes/programme.csv",
                           "nodes/model.csv", "nodes/hardware.csv"}) {
    for (const auto& row : table(file).rows) ids.insert(row[0]);
  }
  struct EdgeSpec {
    const char* file;
    const char* type;
    char from;
    char to;
  };
  for (const EdgeSpec& spec : {EdgeSpec{"edges/member_of.csv", "MEMBER_OF", 'o', 'c'},
                               EdgeSpec{"edges/part_of.csv", "PART_OF", 'o', 'o'},
                               EdgeSpec{"edges/selected_for.csv", "SELECTED_FOR", 'c', 'p'},
                               EdgeSpec{"edges/develops.csv", "DEVELOPS", 'o', 'm'},
                               EdgeSpec{"edges/builds.csv", "BUILDS", 'c', 'm'},
                               EdgeSpec{"edges/uses.csv", "USES", 'c', 'h'},
                               EdgeSpec{"edges/makes.csv", "MAKES", 'o', 'h'}}) {
    const Table& edges = table(spec.file);
    EXPECT_FALSE(edges.rows.empty()) << spec.file;
    for (const auto& row : edges.rows) {
      EXPECT_EQ(row[0][0], spec.from) << spec.file << " " << row[0];
      EXPECT_EQ(row[1][0], spec.to) << spec.file << " " << row[1];
      EXPECT_TRUE(ids.count(row[0])) << spec.file << " dangling " << row[0];
      EXPECT_TRUE(ids.count(row[1])) << spec.file << " dangling " << row[1];
      EXPECT_EQ(row[2], spec.type);
      EXPECT_EQ(row.back(), "generated");
    }
  }
}

TEST_F(GeneratorSTest, MembershipsAreDistinctWithExactlyOneLeadPerConsortium) {
  std::set<std::pair<std::string, std::string>> pairs;
  std::unordered_map<std::string, int> leads;
  for (const auto& row : table("edges/member_of.csv").rows) {
    EXPECT_TRUE(pairs.emplace(row[0], row[1]).second) << "duplicate " << row[0] << "-" << row[1];
    ASSERT_TRUE(row[3] == "lead" || row[3] == "member") << row[3];
    if (row[3] == "lead") ++leads[row[1]];
    const int since = std::stoi(row[4]);
    EXPECT_GE(since, 2015);
    EXPECT_LE(since, 2025);
  }
  EXPECT_EQ(leads.size(), 1000u);
  for (const auto& row : table("nodes/consortium.csv").rows) {
    EXPECT_EQ(leads[row[0]], 1) << row[0];
  }
}

TEST_F(GeneratorSTest, ProgrammeConsortiaAreSelectedWithinCapacity) {
  std::unordered_map<std::string, std::string> kind;
  for (const auto& row : table("nodes/consortium.csv").rows) kind[row[0]] = row[5];
  std::unordered_map<std::string, int> max_consortia;
  for (const auto& row : table("nodes/programme.csv").rows) {
    max_consortia[row[0]] = std::stoi(row[11]);
  }
  std::unordered_map<std::string, int> selected;
  std::unordered_set<std::string> selected_consortia;
  for (const auto& row : table("edges/selected_for.csv").rows) {
    EXPECT_EQ(kind[row[0]], "programme") << row[0];
    EXPECT_TRUE(selected_consortia.insert(row[0]).second) << row[0] << " selected twice";
    ++selected[row[1]];
  }
  for (const auto& [programme, count] : selected) EXPECT_LE(count, max_consortia[programme]);
  int programme_consortia = 0;
  for (const auto& [id, k] : kind) programme_consortia += k == "programme";
  EXPECT_EQ(programme_consortia, static_cast<int>(selected_consortia.size()));
}

TEST_F(GeneratorSTest, PartOfIsAForestOfDepthAtMostThree) {
  std::unordered_map<std::string, std::string> parent;
  for (const auto& row : table("edges/part_of.csv").rows) {
    EXPECT_NE(row[0], row[1]);
    EXPECT_TRUE(parent.emplace(row[0], row[1]).second) << row[0] << " has two parents";
  }
  // About 10% of organisations have a parent.
  EXPECT_GE(parent.size(), 700u);
  EXPECT_LE(parent.size(), 1300u);
  int deepest = 0;
  for (const auto& [child, unused] : parent) {
    int depth = 0;
    for (auto it = parent.find(child); it != parent.end(); it = parent.find(it->second)) {
      ++depth;
      ASSERT_LE(depth, 3) << "chain from " << child << " is too deep or cyclic";
    }
    deepest = std::max(deepest, depth);
  }
  EXPECT_GE(deepest, 2);  // chains, not just single edges
}

TEST_F(GeneratorSTest, DegreesAreHeavyTailed) {
  std::unordered_map<std::string, int64_t> degree;
  for (const auto& row : table("edges/member_of.csv").rows) ++degree[row[0]];
  std::vector<int64_t> degrees;
  for (const auto& row : table("nodes/organisation.csv").rows) degrees.push_back(degree[row[0]]);
  ASSERT_EQ(degrees.size(), 10000u);
  const int64_t min = *std::min_element(degrees.begin(), degrees.end());
  const int64_t max = *std::max_element(degrees.begin(), degrees.end());
  const int64_t median = Median(degrees);
  EXPECT_GE(min, 1);
  EXPECT_LE(max, 1000);
  EXPECT_GE(max, 20 * median) << "median " << median << " max " << max;
  const auto small =
      std::count_if(degrees.begin(), degrees.end(), [](int64_t d) { return d <= 2; });
  EXPECT_GT(small, 5000) << "most organisations should join one or two consortia";

  // The hubs are mostly universities and institutes.
  int hubs = 0;
  int academic_hubs = 0;
  for (const auto& row : table("nodes/organisation.csv").rows) {
    if (degree[row[0]] < 50) continue;
    ++hubs;
    academic_hubs += row[5] == "university" || row[5] == "research_institute";
  }
  EXPECT_GT(hubs, 20);
  EXPECT_GT(academic_hubs * 10, hubs * 7);

  // Consortia are skewed too: the largest has many times the members of the median.
  std::unordered_map<std::string, int64_t> size;
  for (const auto& row : table("edges/member_of.csv").rows) ++size[row[1]];
  std::vector<int64_t> sizes;
  for (const auto& [id, s] : size) sizes.push_back(s);
  EXPECT_GE(*std::max_element(sizes.begin(), sizes.end()), 10 * Median(sizes));
}

TEST(GeneratorTest, SameSeedIsByteIdenticalAndAnotherSeedDiffers) {
  const std::string a = MakeTempDir();
  const std::string b = MakeTempDir();
  const std::string c = MakeTempDir();
  ASSERT_TRUE(GenerateAllianceGraph(Options(3000, 300, 7), a).ok());
  ASSERT_TRUE(GenerateAllianceGraph(Options(3000, 300, 7), b).ok());
  ASSERT_TRUE(GenerateAllianceGraph(Options(3000, 300, 8), c).ok());
  for (const auto& [file, header] : ExpectedHeaders()) {
    EXPECT_EQ(ReadFile(fs::path(a) / file), ReadFile(fs::path(b) / file)) << file;
  }
  EXPECT_NE(ReadFile(fs::path(a) / "edges/member_of.csv"),
            ReadFile(fs::path(c) / "edges/member_of.csv"));
  EXPECT_NE(ReadFile(fs::path(a) / "nodes/organisation.csv"),
            ReadFile(fs::path(c) / "nodes/organisation.csv"));
  for (const std::string& dir : {a, b, c}) fs::remove_all(dir);
}

// Benchmarks compare numbers across commits and machines, so the bytes for given options
// must not drift. If this fails after an intended change to the generator, every recorded
// benchmark dataset changed too: update the value and say so in the change description.
TEST(GeneratorTest, OutputIsPinned) {
  const std::string dir = MakeTempDir();
  ASSERT_TRUE(GenerateAllianceGraph(Options(500, 60, 2025), dir).ok());
  EXPECT_EQ(Fingerprint(dir), 0x0d802a2d5e425090ULL);
  fs::remove_all(dir);
}

TEST(GeneratorTest, RerunReplacesFilesAndLeavesNoTemporaries) {
  const std::string dir = MakeTempDir();
  const std::string fresh = MakeTempDir();
  ASSERT_TRUE(GenerateAllianceGraph(Options(4000, 400, 1), dir).ok());
  ASSERT_TRUE(GenerateAllianceGraph(Options(800, 90, 2), dir).ok());
  ASSERT_TRUE(GenerateAllianceGraph(Options(800, 90, 2), fresh).ok());
  EXPECT_EQ(Fingerprint(dir), Fingerprint(fresh));
  for (const char* sub : {"nodes", "edges"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / sub)) {
      EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();
    }
  }
  fs::remove_all(dir);
  fs::remove_all(fresh);
}

struct ScaleCase {
  int64_t organisations;
  int64_t consortia;
  double mean;
};

class GeneratorScaleTest : public ::testing::TestWithParam<ScaleCase> {};

TEST_P(GeneratorScaleTest, MembershipTotalAndLeadsHold) {
  const ScaleCase& scale = GetParam();
  GeneratorOptions options = Options(scale.organisations, scale.consortia, 99);
  options.mean_memberships = scale.mean;
  const std::string dir = MakeTempDir();
  absl::StatusOr<GeneratorStats> stats = GenerateAllianceGraph(options, dir);
  ASSERT_TRUE(stats.ok()) << stats.status();

  const Table members = ReadTable(fs::path(dir) / "edges/member_of.csv");
  EXPECT_EQ(static_cast<int64_t>(members.rows.size()), stats->memberships);
  const double effective_mean = std::min(scale.mean, static_cast<double>(scale.consortia));
  const double expected =
      std::max(scale.organisations * effective_mean, static_cast<double>(scale.consortia));
  EXPECT_NEAR(static_cast<double>(stats->memberships), expected, 0.1 * expected);

  std::set<std::pair<std::string, std::string>> pairs;
  std::unordered_map<std::string, int> leads;
  std::unordered_map<std::string, int64_t> degree;
  for (const auto& row : members.rows) {
    EXPECT_TRUE(pairs.emplace(row[0], row[1]).second);
    leads[row[1]] += row[3] == "lead";
    ++degree[row[0]];
  }
  EXPECT_EQ(static_cast<int64_t>(leads.size()), scale.consortia);
  for (const auto& [consortium, count] : leads) EXPECT_EQ(count, 1) << consortium;
  EXPECT_EQ(static_cast<int64_t>(degree.size()), scale.organisations);  // everyone joins
  for (const auto& [org, d] : degree) EXPECT_LE(d, scale.consortia);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Scales, GeneratorScaleTest,
    ::testing::Values(ScaleCase{1, 1, 5.0},        // a single membership
                      ScaleCase{1, 40, 5.0},       // one organisation leads everything
                      ScaleCase{3, 50, 5.0},       // more consortia than memberships wanted
                      ScaleCase{100, 3, 5.0},      // mean above the consortium count
                      ScaleCase{2000, 200, 1.0},   // everyone in exactly one
                      ScaleCase{2000, 200, 2.5},   //
                      ScaleCase{5000, 100, 20.0},  // dense
                      ScaleCase{30000, 3000, 5.0}));

TEST(GeneratorTest, BadOptionsAreRejected) {
  const std::string dir = MakeTempDir();
  struct BadCase {
    GeneratorOptions options;
    std::string mentions;
  };
  GeneratorOptions nan_mean = Options(10, 10);
  nan_mean.mean_memberships = std::nan("");
  GeneratorOptions low_mean = Options(10, 10);
  low_mean.mean_memberships = 0.5;
  for (const BadCase& bad :
       {BadCase{Options(0, 10), "organisations"}, BadCase{Options(-5, 10), "organisations"},
        BadCase{Options(10, 0), "consortia"},
        BadCase{Options(10, kMaxGeneratorNodes + 1), "consortia"},
        BadCase{nan_mean, "mean_memberships"}, BadCase{low_mean, "mean_memberships"}}) {
    absl::StatusOr<GeneratorStats> stats = GenerateAllianceGraph(bad.options, dir);
    ASSERT_FALSE(stats.ok());
    EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(stats.status().message().find(bad.mentions), std::string::npos) << stats.status();
  }
  EXPECT_EQ(GenerateAllianceGraph(Options(10, 10), "").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(fs::is_empty(dir)) << "rejected options must not touch the output directory";
  fs::remove_all(dir);
}

TEST(GeneratorTest, UnwritableOutputDirectoryIsReported) {
  // A path through a regular file cannot be created, even by root.
  const std::string dir = MakeTempDir();
  const fs::path blocker = fs::path(dir) / "file";
  std::ofstream(blocker) << "x";
  const std::string out = (blocker / "out").string();
  absl::StatusOr<GeneratorStats> stats = GenerateAllianceGraph(Options(10, 10), out);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find(out), std::string::npos) << stats.status();
  fs::remove_all(dir);
}

TEST(GeneratorTest, FailedRunLeavesNoPartialFileSet) {
  // edges/uses.csv is a directory, which rename() cannot replace: the run must fail
  // before any file is put in place and must clean up its temporaries.
  const std::string dir = MakeTempDir();
  fs::create_directories(fs::path(dir) / "edges" / "uses.csv" / "keep");
  absl::StatusOr<GeneratorStats> stats = GenerateAllianceGraph(Options(200, 20), dir);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find("uses.csv"), std::string::npos) << stats.status();
  std::vector<std::string> left;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) left.push_back(entry.path().string());
  }
  EXPECT_TRUE(left.empty()) << left.front();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace alliance

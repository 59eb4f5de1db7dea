// Kill -9 at random moments: a writer process (crash_writer) commits random
// transactions and is killed with SIGKILL; each time the database reopens,
// holds every acknowledged transaction whole, the one in flight whole or not
// at all, nothing else, and passes the invariant checker. Cycles:
// ALLIANCE_CRASH_CYCLES (default 50; CI runs the default).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "alliance/database.h"
#include "tests/crash/crash_log.h"
#include "tests/temp_dir.h"

namespace alliance::crash {
namespace {

int Cycles() {
  const char* v = std::getenv("ALLIANCE_CRASH_CYCLES");
  return v != nullptr ? std::atoi(v) : 50;
}

// Organisations the writer made ("t<txid>-<i>") with their descriptions.
std::map<std::string, std::string> WriterOrganisations(Database& db) {
  std::map<std::string, std::string> names;
  auto txn = db.BeginRead();
  EXPECT_TRUE(txn->ScanLabel("Organisation", [&](const Node& n) {
                    const std::string& name = n.Property("name").as_string();
                    names[name] = n.Property("description").as_string();
                    return true;
                  }).ok());
  return names;
}

TEST(CrashTest, KilledWriterLosesNoAcknowledgedTransactionAndLeavesNoPartialOne) {
  testing::TempDir dir;
  const std::string db_path = dir.Sub("db"), log_path = dir.Sub("log");
  std::mt19937_64 rng(20261128);
  int settled_in_flight = 0, applied_in_flight = 0;
  for (int cycle = 0; cycle < Cycles(); ++cycle) {
    auto log_size = [&] {
      std::error_code ec;
      const uintmax_t n = std::filesystem::file_size(log_path, ec);
      return ec ? uintmax_t{0} : n;  // no log before the first run
    };
    const uintmax_t logged = log_size();
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string seed = std::to_string(cycle);
      ::execl(CRASH_WRITER_BINARY, "crash_writer", db_path.c_str(), log_path.c_str(),
              seed.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Kill once the writer is committing (its log grows), however long its
    // start takes (a sanitizer build starts slowly), at a random moment.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (log_size() <= logged && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 100000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "cycle " << cycle << ": the writer stopped by itself, "
                                     << "exit code " << WEXITSTATUS(status);

    auto db = Database::Open(db_path);
    ASSERT_TRUE(db.ok()) << "cycle " << cycle << ": " << db.status();
    const std::vector<LoggedTransaction> log = ReadCrashLog(log_path);
    const bool pending =
        !log.empty() && log.back().outcome == LoggedTransaction::Outcome::kPending;
    const Model without = Model::Replay(log, false);
    const Model with = Model::Replay(log, true);
    const std::map<std::string, std::string> actual = WriterOrganisations(**db);
    auto part_of = (*db)->Execute("MATCH (:Organisation)-[r:PART_OF]->() RETURN count(r)");
    ASSERT_TRUE(part_of.ok()) << part_of.status();
    const int64_t relationships = part_of->rows[0][0].as_int();
    const bool matches_without = actual == without.Organisations() &&
                                 relationships == without.PartOfRelationships();
    const bool matches_with = pending && actual == with.Organisations() &&
                              relationships == with.PartOfRelationships();
    ASSERT_TRUE(matches_without || matches_with)
        << "cycle " << cycle << ": " << actual.size() << " organisations and " << relationships
        << " PART_OF; acknowledged transactions give " << without.Organisations().size()
        << " and " << without.PartOfRelationships()
        << (pending ? ", with the one in flight " + std::to_string(with.Organisations().size()) +
                          " and " + std::to_string(with.PartOfRelationships())
                    : std::string(", none in flight"));
    auto check = (*db)->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    ASSERT_TRUE(check->ok()) << "cycle " << cycle << ": " << check->problems.front();
    // Settle the transaction in flight for the next writer.
    if (pending) {
      ++settled_in_flight;
      applied_in_flight += matches_with && !matches_without;
      AppendSynced(log_path, (matches_with && !matches_without ? "ack " : "abort ") +
                                 std::to_string(log.back().txid));
    }
  }
  // The kills landed mid-transaction at least sometimes.
  EXPECT_GT(settled_in_flight, 0);
  std::cout << Cycles() << " kills; " << settled_in_flight << " with a transaction in flight, "
            << applied_in_flight << " of them committed before the kill\n";
}

}  // namespace
}  // namespace alliance::crash

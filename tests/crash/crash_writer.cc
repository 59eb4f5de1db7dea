// crash_writer DB LOG SEED: commits random transactions (creates with
// relationships, updates, detach deletes) against DB until it is killed,
// logging each transaction's intent before the commit and its
// acknowledgement after (see crash_log.h). Exits 2 on any error.
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "alliance/database.h"
#include "tests/crash/crash_log.h"

namespace alliance::crash {
namespace {

int Fail(const std::string& what, const absl::Status& status) {
  std::cerr << "crash_writer: " << what << ": " << status << "\n";
  return 2;
}

std::string Name(int64_t target, int i) {
  return "t" + std::to_string(target) + "-" + std::to_string(i);
}

int Run(const std::string& db_path, const std::string& log_path, uint64_t seed) {
  const std::vector<LoggedTransaction> log = ReadCrashLog(log_path);
  for (const LoggedTransaction& t : log) {
    if (t.outcome == LoggedTransaction::Outcome::kPending) {
      std::cerr << "crash_writer: transaction " << t.txid << " was never settled\n";
      return 2;
    }
  }
  Model model = Model::Replay(log, false);
  int64_t txid = log.empty() ? 1 : log.back().txid + 1;
  auto db = Database::Open(db_path);
  if (!db.ok()) return Fail("open", db.status());
  std::mt19937_64 rng(seed);
  for (;; ++txid) {
    LoggedTransaction t;
    t.txid = txid;
    const int roll = static_cast<int>(rng() % 10);
    t.op = model.alive.empty() || roll < 5 ? 'c' : roll < 8 ? 'u' : 'd';
    if (t.op == 'c') {
      t.k = 1 + static_cast<int>(rng() % 5);
    } else {
      auto it = model.alive.begin();
      std::advance(it, rng() % model.alive.size());
      t.target = it->first;
      t.k = it->second.first;
    }
    AppendSynced(log_path, "intent " + std::to_string(t.txid) + " " + t.op + " " +
                               std::to_string(t.target) + " " + std::to_string(t.k));
    auto txn = (*db)->BeginWrite();
    if (!txn.ok()) return Fail("begin", txn.status());
    const std::string description = "t" + std::to_string(txid);
    for (int i = 0; i < t.k; ++i) {
      if (t.op == 'c') {
        auto node = (*txn)->CreateNode({"Organisation"}, {{"name", Value::String(Name(txid, i))},
                                                          {"kind", Value::String("company")},
                                                          {"description", Value::String(description)}});
        if (!node.ok()) return Fail("create", node.status());
        if (i > 0) {
          auto prev = (*txn)->FindNodeByKey("Organisation", Value::String(Name(txid, i - 1)));
          if (!prev.ok() || !*prev) return Fail("find", prev.status());
          auto rel = (*txn)->CreateRelationship(*node, "PART_OF", (*prev)->id, {});
          if (!rel.ok()) return Fail("relate", rel.status());
        }
        continue;
      }
      auto node = (*txn)->FindNodeByKey("Organisation", Value::String(Name(t.target, i)));
      if (!node.ok() || !*node) return Fail("find " + Name(t.target, i), node.status());
      const absl::Status s =
          t.op == 'u'
              ? (*txn)->SetNodeProperties((*node)->id, {{"description", Value::String(description)}})
              : (*txn)->DeleteNode((*node)->id, DeleteMode::kDetach);
      if (!s.ok()) return Fail("change", s);
    }
    if (absl::Status s = (*txn)->Commit(); !s.ok()) return Fail("commit", s);
    AppendSynced(log_path, "ack " + std::to_string(txid));
    t.outcome = LoggedTransaction::Outcome::kAcked;
    if (t.op == 'c') model.alive[txid] = {t.k, description};
    if (t.op == 'u') model.alive[t.target].second = description;
    if (t.op == 'd') model.alive.erase(t.target);
  }
}

}  // namespace
}  // namespace alliance::crash

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: crash_writer DB LOG SEED\n";
    return 2;
  }
  return alliance::crash::Run(argv[1], argv[2], std::stoull(argv[3]));
}

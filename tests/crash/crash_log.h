// CrashLog: what the crash-test writer did. Before each commit it appends
// "intent <txid> <op> <target> <k>" and after the commit returns "ack <txid>",
// each line synced. The driver, having checked a killed writer's database,
// settles the last intent with "ack" or "abort". The model replays the log
// into the organisations the database must hold.
#ifndef ALLIANCE_TESTS_CRASH_CRASH_LOG_H_
#define ALLIANCE_TESTS_CRASH_CRASH_LOG_H_

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace alliance::crash {

// 'c': create k organisations "t<txid>-<i>" described "t<txid>", each PART_OF
// the one before; 'u': describe target's organisations "t<txid>"; 'd': detach
// delete target's organisations.
struct LoggedTransaction {
  int64_t txid = 0;
  char op = 'c';
  int64_t target = 0;
  int k = 0;
  enum class Outcome { kPending, kAcked, kAborted } outcome = Outcome::kPending;
};

inline std::vector<LoggedTransaction> ReadCrashLog(const std::string& path) {
  std::vector<LoggedTransaction> log;
  std::map<int64_t, size_t> index;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind;
    LoggedTransaction t;
    words >> kind >> t.txid;
    if (kind == "intent") {
      words >> t.op >> t.target >> t.k;
      index[t.txid] = log.size();
      log.push_back(t);
    } else if (index.contains(t.txid)) {
      log[index[t.txid]].outcome = kind == "ack" ? LoggedTransaction::Outcome::kAcked
                                                 : LoggedTransaction::Outcome::kAborted;
    }
  }
  return log;
}

// Appends one line and syncs it, so it survives the writer's kill.
inline void AppendSynced(const std::string& path, const std::string& line) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  const std::string text = line + "\n";
  (void)!::write(fd, text.data(), text.size());
  ::fsync(fd);
  ::close(fd);
}

// The organisations alive after the acknowledged transactions, and the
// pending one too when `with_pending`: target -> its k and description.
struct Model {
  std::map<int64_t, std::pair<int, std::string>> alive;

  static Model Replay(const std::vector<LoggedTransaction>& log, bool with_pending) {
    Model m;
    for (const LoggedTransaction& t : log) {
      const bool applies = t.outcome == LoggedTransaction::Outcome::kAcked ||
                           (with_pending && t.outcome == LoggedTransaction::Outcome::kPending);
      if (!applies) continue;
      const std::string description = "t" + std::to_string(t.txid);
      if (t.op == 'c') m.alive[t.txid] = {t.k, description};
      if (t.op == 'u') m.alive[t.target].second = description;
      if (t.op == 'd') m.alive.erase(t.target);
    }
    return m;
  }

  // Organisation name -> description, as the database should list them.
  std::map<std::string, std::string> Organisations() const {
    std::map<std::string, std::string> names;
    for (const auto& [target, kd] : alive) {
      for (int i = 0; i < kd.first; ++i) {
        names["t" + std::to_string(target) + "-" + std::to_string(i)] = kd.second;
      }
    }
    return names;
  }

  int64_t PartOfRelationships() const {
    int64_t n = 0;
    for (const auto& [target, kd] : alive) n += kd.first - 1;
    return n;
  }
};

}  // namespace alliance::crash

#endif  // ALLIANCE_TESTS_CRASH_CRASH_LOG_H_

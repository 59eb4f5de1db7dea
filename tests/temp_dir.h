// TempDir: a fresh directory under $TMPDIR (or /tmp) that is removed with the
// object, so tests never share or leave behind database files.
#ifndef ALLIANCE_TESTS_TEMP_DIR_H_
#define ALLIANCE_TESTS_TEMP_DIR_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace alliance::testing {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/alliance-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::perror(pattern.c_str());
      std::abort();  // never fall back to a path outside the test's own folder
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace alliance::testing

#endif  // ALLIANCE_TESTS_TEMP_DIR_H_

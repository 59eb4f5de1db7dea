#include "html/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace alliance::tools::html {
namespace {

absl::Status WriteAll(int fd, std::string_view contents, const std::string& name) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot write ", name));
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  // Same directory as `path`: rename() is atomic only within one file system.
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot create ", temp));

  absl::Status status = WriteAll(fd, contents, temp);
  // mkstemp creates 0600; a report is meant to be shared like any other file.
  if (status.ok() && ::fchmod(fd, 0644) != 0) {
    status = absl::ErrnoToStatus(errno, absl::StrCat("cannot chmod ", temp));
  }
  if (::close(fd) != 0 && status.ok()) {
    status = absl::ErrnoToStatus(errno, absl::StrCat("cannot write ", temp));
  }
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = absl::ErrnoToStatus(errno, absl::StrCat("cannot rename ", temp, " to ", path));
  }
  if (!status.ok()) ::unlink(temp.c_str());
  return status;
}

}  // namespace alliance::tools::html

// A full disk and a network file system, for tests: preloaded into juesuan
// (LD_PRELOAD), it makes write() fail with ENOSPC on every file whose name
// starts with $JUESUAN_ENOSPC (for instance "d.pdf.tmp-": the temporary file
// the PDF is written through), and passes every other write through; with
// $JUESUAN_NFS_FLOCK set, flock() on a folder fails with EBADF, as on NFS,
// where only files opened for writing can be locked.
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" ssize_t write(int fd, const void* buf, size_t count) {
  using Write = ssize_t (*)(int, const void*, size_t);
  static Write real = reinterpret_cast<Write>(dlsym(RTLD_NEXT, "write"));
  const char* prefix = std::getenv("JUESUAN_ENOSPC");
  if (prefix && *prefix && fd > 2) {
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n > 0) {
      target[n] = '\0';
      const char* base = std::strrchr(target, '/');
      base = base ? base + 1 : target;
      if (std::strncmp(base, prefix, std::strlen(prefix)) == 0) {
        errno = ENOSPC;
        return -1;
      }
    }
  }
  return real(fd, buf, count);
}

extern "C" int flock(int fd, int operation) {
  using Flock = int (*)(int, int);
  static Flock real = reinterpret_cast<Flock>(dlsym(RTLD_NEXT, "flock"));
  struct stat st;
  if (std::getenv("JUESUAN_NFS_FLOCK") && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    errno = EBADF;
    return -1;
  }
  return real(fd, operation);
}

#include "core/file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "core/messages.hpp"

namespace juesuan {

namespace fs = std::filesystem;

std::shared_ptr<const SourceFile> read_source_file(const fs::path& path) {
  auto file = std::make_shared<SourceFile>();
  file->path = path.string();
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw Error(Failure::Input, msg::cannot_read(file->path, "这是一个文件夹，不是文件"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::Input, msg::cannot_read(file->path, std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(Failure::Input, msg::cannot_read(file->path, std::strerror(errno)));
  file->text = std::move(ss).str();
  return file;
}

std::optional<std::string> read_source_file_if_exists(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

namespace {

[[noreturn]] void output_error(const fs::path& target, std::string_view, int err) {
  throw Error(Failure::Output, msg::cannot_write(printable_name(target.string()), err));
}

// A temporary file beside `target`, created exclusively (O_EXCL: an
// existing name, a symbolic link included, is never opened) under a name
// nobody can guess in advance.
struct Temporary {
  std::string path;
  int fd = -1;
};

Temporary create_temporary(const fs::path& target) {
  static thread_local std::mt19937_64 random{std::random_device{}() ^
                                             (static_cast<std::uint64_t>(::getpid()) << 32)};
  static const char* alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix;
    for (int i = 0; i < 10; ++i) suffix += alphabet[random() % 36];
    Temporary t;
    t.path = target.string() + std::string(kTemporaryInfix) + suffix;
    t.fd = ::open(t.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (t.fd >= 0) return t;
    if (errno != EEXIST) output_error(target, "", errno);
  }
  output_error(target, "", EEXIST);
}

// Writes and syncs; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view bytes, const char** what) {
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      *what = "write";
      return errno;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    *what = "sync";
    return errno;
  }
  return 0;
}

}  // namespace

void write_files_atomic(const std::vector<OutputFile>& files, const std::vector<fs::path>& remove_first) {
  std::vector<std::string> temporaries;
  auto discard = [&] {
    for (const auto& t : temporaries) ::unlink(t.c_str());
  };
  try {
    for (const auto& f : files) {
      std::error_code ec;
      if (fs::is_directory(f.path, ec))
        throw Error(Failure::Output, msg::folder_in_the_way(printable_name(f.path.string())));
      Temporary t = create_temporary(f.path);
      temporaries.push_back(t.path);
      const char* what = "";
      int err = write_all(t.fd, f.bytes, &what);
      if (::close(t.fd) != 0 && err == 0) {
        err = errno;
        what = "close";
      }
      if (err) output_error(f.path, what, err);
    }
  } catch (...) {
    discard();
    throw;
  }
  for (const auto& p : remove_first) ::unlink(p.c_str());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].path.c_str()) != 0) {
      int err = errno;
      temporaries.erase(temporaries.begin(), temporaries.begin() + static_cast<std::ptrdiff_t>(i));
      discard();
      output_error(files[i].path, "rename", err);
    }
  }
}

void write_file_atomic(const fs::path& path, std::string_view bytes) {
  write_files_atomic({OutputFile{path, std::string(bytes)}});
}

void remove_stale_temporaries(const fs::path& target) {
  const std::string prefix = target.filename().string() + std::string(kTemporaryInfix);
  std::error_code ec;
  for (fs::directory_iterator it(target.parent_path().empty() ? fs::path(".") : target.parent_path(), ec), end;
       !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) {
      std::error_code ignored;
      if (!it->is_directory(ignored)) fs::remove(it->path(), ignored);
    }
  }
}

FolderLock::FolderLock(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(Failure::Output, msg::cannot_create_folder(printable_name(dir.string()), ec.value()));
  auto lock = [](int fd) {
    int r;
    while ((r = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    return r == 0 ? 0 : errno;
  };
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) output_error(dir, "", errno);
  int err = lock(fd_);
  if (err == 0) return;
  ::close(fd_);
  fd_ = -1;
  // Some network file systems (NFS) lock only files opened for writing: a
  // lock file of the folder's own then.
  if (err == EBADF || err == EINVAL || err == ENOLCK || err == EOPNOTSUPP) {
    fs::path file = dir / ".juesuan-lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0) output_error(file, "", errno);
    err = lock(fd_);
    if (err == 0) return;
    ::close(fd_);
    fd_ = -1;
    // No locking at all on this file system: the files still move into
    // place only when complete, and the stamp last.
    if (err == ENOLCK || err == EOPNOTSUPP) return;
  }
  output_error(dir, "", err);
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);   // releases the lock
}

}  // namespace juesuan

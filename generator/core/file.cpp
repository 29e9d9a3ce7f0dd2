#include "core/file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/messages.hpp"

namespace juesuan {

std::shared_ptr<const SourceFile> read_source_file(const std::filesystem::path& path) {
  auto file = std::make_shared<SourceFile>();
  file->path = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(Failure::Input, msg::cannot_read(file->path, "这是一个文件夹，不是文件"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::Input, msg::cannot_read(file->path, std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(Failure::Input, msg::cannot_read(file->path, std::strerror(errno)));
  file->text = std::move(ss).str();
  return file;
}

std::optional<std::string> read_source_file_if_exists(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  std::string target = path.string();
  std::string tmp = target + ".tmp-" + std::to_string(::getpid());
  auto fail = [&](const char* what, int err) {
    ::unlink(tmp.c_str());
    throw Error(Failure::Output, "cannot write " + target + ": " + what + ": " + std::strerror(err));
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(Failure::Output, "cannot write " + target + ": a folder of that name exists");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(Failure::Output, "cannot write " + target + ": " + std::strerror(errno));
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      fail("write", err);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int err = errno;
    ::close(fd);
    fail("sync", err);
  }
  if (::close(fd) != 0) fail("close", errno);
  if (::rename(tmp.c_str(), target.c_str()) != 0) fail("rename", errno);
}

}  // namespace juesuan

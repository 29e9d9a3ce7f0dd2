// Reading inputs and writing outputs safely. Outputs are written to fresh
// temporary files beside their final paths (created exclusively, never
// through a symbolic link) and renamed into place only when every one of a
// set is complete, so a failure never leaves a half-written report, nor a
// new file beside an old one of the same set.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag.hpp"

namespace juesuan {

// Throws Error(Failure::Input) when the file cannot be read.
std::shared_ptr<const SourceFile> read_source_file(const std::filesystem::path& path);

// The contents of a small file, or nothing when it does not exist.
std::optional<std::string> read_source_file_if_exists(const std::filesystem::path& path);

// One file of a set: its final path and its bytes.
struct OutputFile {
  std::filesystem::path path;
  std::string bytes;
};

// Writes every file of the set to a temporary file first; only when all are
// complete are they renamed into place, in order (put the file that
// certifies the others, such as a stamp, last); the files of `remove_first`
// are removed after every temporary file is complete and before the first
// rename (the old stamp of a set). When any temporary file
// cannot be written, every temporary file is removed, no final file is
// touched, and Error(Failure::Output) is thrown (no such folder, no
// permission, disk full).
void write_files_atomic(const std::vector<OutputFile>& files,
                        const std::vector<std::filesystem::path>& remove_first = {});

// One file, the same way.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// The temporary name of a file being written: "NAME.tmp-" and a random part.
inline constexpr std::string_view kTemporaryInfix = ".tmp-";

// Removes temporary files that a killed run left beside `target`
// ("TARGET.tmp-…"). Call it while holding the folder's lock.
void remove_stale_temporaries(const std::filesystem::path& target);

// An exclusive lock on an output folder (flock on the folder itself, or on
// its ".juesuan-lock" file where a network file system locks only files
// opened for writing), held for as long as the object lives: two runs
// writing into one folder take turns. Creates the folder. Throws
// Error(Failure::Output).
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& dir);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace juesuan

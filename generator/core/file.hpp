// Reading inputs and writing outputs safely: an output is written to a
// temporary name beside its final path and renamed into place only when
// complete, so a failure never leaves a half-written report.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diag.hpp"

namespace juesuan {

// Throws Error(Failure::Input) when the file cannot be read.
std::shared_ptr<const SourceFile> read_source_file(const std::filesystem::path& path);

// The contents of a small file, or nothing when it does not exist.
std::optional<std::string> read_source_file_if_exists(const std::filesystem::path& path);

// Writes bytes atomically; throws Error(Failure::Output) on any failure
// (no such folder, no permission, disk full), removing the temporary file.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace juesuan

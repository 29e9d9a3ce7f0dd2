// The `batch` and `merge` commands, as the command line calls them:
// discovery, the workers, progress on stderr, the index, the summary and
// the exit status.
#pragma once

#include <filesystem>
#include <vector>

#include "batch/batch.hpp"

namespace juesuan::batch {

// 0 when every department built (or was unchanged), 1 when one failed.
// Throws Error for a misused command (no such folder: Input) or an index
// that cannot be written (Output).
int batch_command(const Resources& res, const Options& options, bool quiet);

// Combines the shards' index.json into out/index.{html,json,csv}. 0, or 1
// when a department of a shard had failed.
int merge_command(const std::vector<std::filesystem::path>& shard_indexes, const std::filesystem::path& out);

}  // namespace juesuan::batch

// Combining the index.json of the shards of one run (`juesuan batch
// --shard I/N` on several machines) into the index of the whole city.
#include <algorithm>
#include <map>
#include <set>

#include "batch/index.hpp"
#include "core/diag.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

Index merge(const std::vector<fs::path>& files, const fs::path& out_dir) {
  if (files.empty()) throw Error(Failure::Input, "merge needs the index.json of each shard");
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
  Index merged;
  std::map<int, fs::path> shards;
  int count = 0;
  std::map<std::string, fs::path> seen;
  for (const fs::path& file : files) {
    Index part = read_index_json(file);
    if (!part.shard)
      throw Error(Failure::Input, file.string() + ": not the index of a shard (batch --shard I/N writes those)");
    auto [i, n] = *part.shard;
    if (count && n != count)
      throw Error(Failure::Input, file.string() + ": shard " + std::to_string(i) + "/" + std::to_string(n) +
                                      " is not of the same run as " + shards.begin()->second.string() + " (of " +
                                      std::to_string(count) + " shards)");
    count = n;
    if (auto [pos, fresh] = shards.emplace(i, file); !fresh)
      throw Error(Failure::Input, file.string() + ": shard " + std::to_string(i) + "/" + std::to_string(n) +
                                      " is given twice (also " + pos->second.string() + ")");
    // Links become relative to the merged index's folder.
    fs::path from = fs::weakly_canonical(fs::absolute(file).parent_path(), ec).lexically_relative(out);
    for (Department& d : part.departments) {
      if (auto [pos, fresh] = seen.emplace(d.path, file); !fresh)
        throw Error(Failure::Input, file.string() + ": " + d.path + " is also in " + pos->second.string());
      for (Output& o : d.outputs) o.href = (from / o.href).lexically_normal().generic_string();
      merged.departments.push_back(std::move(d));
    }
  }
  std::string missing;
  for (int i = 0; i < count; ++i)
    if (!shards.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count);
  if (!missing.empty()) throw Error(Failure::Input, "merge: the index of shard " + missing + " is missing");
  std::sort(merged.departments.begin(), merged.departments.end(), [](const Department& a, const Department& b) {
    return listed_before(a.folder, a.path, b.folder, b.path);
  });
  return merged;
}

}  // namespace juesuan::batch

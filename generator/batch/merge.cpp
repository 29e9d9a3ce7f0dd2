// Combining the index.json of the shards of one run (`juesuan batch
// --shard I/N` on several machines) into the index of the whole city.
#include <algorithm>
#include <map>
#include <set>

#include "batch/index.hpp"
#include "core/diag.hpp"
#include "core/ui.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

namespace {

// "file: error: …" for a shard's index as a whole.
Loc at(const fs::path& file) {
  auto f = std::make_shared<SourceFile>();
  f->path = file.string();
  return Loc{f, 0, 0};
}

}  // namespace

Index merge(const std::vector<fs::path>& files, const fs::path& out_dir) {
  if (files.empty()) throw Error(Failure::Input, ui::merge_needs_indexes());
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
  Index merged;
  std::map<int, fs::path> shards;
  int count = 0;
  std::map<std::string, fs::path> seen;
  for (const fs::path& file : files) {
    Index part = read_index_json(file);
    if (!part.shard)
      throw Error(Failure::Input, at(file), ui::not_a_shard_index());
    auto [i, n] = *part.shard;
    if (count && n != count)
      throw Error(Failure::Input, at(file),
                  ui::other_run(std::to_string(i) + "/" + std::to_string(n),
                                printable_name(shards.begin()->second.string()), count));
    count = n;
    if (auto [pos, fresh] = shards.emplace(i, file); !fresh)
      throw Error(Failure::Input, at(file),
                  ui::shard_twice(std::to_string(i) + "/" + std::to_string(n), printable_name(pos->second.string())));
    // Links become relative to the merged index's folder.
    fs::path from = fs::weakly_canonical(fs::absolute(file).parent_path(), ec).lexically_relative(out);
    for (Department& d : part.departments) {
      if (auto [pos, fresh] = seen.emplace(d.path, file); !fresh)
        throw Error(Failure::Input, at(file),
                    ui::department_twice(printable_name(d.path), printable_name(pos->second.string())));
      for (Output& o : d.outputs) o.href = (from / o.href).lexically_normal().generic_string();
      merged.departments.push_back(std::move(d));
    }
  }
  std::string missing;
  for (int i = 0; i < count; ++i)
    if (!shards.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count);
  if (!missing.empty()) throw Error(Failure::Input, ui::shards_missing(missing));
  std::sort(merged.departments.begin(), merged.departments.end(), [](const Department& a, const Department& b) {
    return listed_before(a.folder, a.path, b.folder, b.path);
  });
  return merged;
}

}  // namespace juesuan::batch

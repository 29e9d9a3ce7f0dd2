#include "batch/command.hpp"

#include <cstdio>
#include <set>

#include "batch/compile.hpp"
#include "batch/progress.hpp"
#include "core/file.hpp"
#include "core/ui.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

namespace {

// What the last run wrote in this folder, as its index.json says; none when
// there is no index (or one this program cannot read: then nothing is removed).
std::optional<Index> previous_index(const fs::path& out) {
  std::error_code ec;
  if (!fs::is_regular_file(out / "index.json", ec)) return std::nullopt;
  try {
    return read_index_json(out / "index.json");
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string stem_of(const std::string& path) { return fs::path(path).replace_extension().generic_string(); }

// Removes the outputs of each department of the last run that is not in
// this one (renamed, deleted, moved): only the files that department had
// (named from its path and the writer table), never one that a department
// of this run would write, and then its folder if that is left empty.
void remove_stale(const Index& before, const Index& now, const fs::path& out) {
  std::set<std::string> current;
  for (const auto& d : now.departments) current.insert(stem_of(d.path));
  for (const auto& d : before.departments) {
    if (d.outputs.empty() || current.count(stem_of(d.path))) continue;
    const std::vector<fs::path> files = files_of(d, out);
    if (files.empty()) continue;
    const fs::path dir = files.front().parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    {
      FolderLock lock(dir);
      for (const auto& f : files)
        if (fs::is_regular_file(fs::symlink_status(f, ec)) && fs::remove(f, ec))
          std::fputs(ui::stale_removed(printable_name(f.lexically_relative(out).generic_string())).c_str(), stderr);
    }
    for (fs::path p = dir;; p = p.parent_path()) {
      const std::string rel = p.lexically_relative(out).generic_string();
      if (rel.empty() || rel == "." || rel.rfind("..", 0) == 0 || !fs::is_empty(p, ec) || !fs::remove(p, ec)) break;
    }
  }
}

}  // namespace

int batch_command(const Resources& res, const Options& options, bool quiet) {
  std::vector<std::string> skipped;
  std::vector<Job> jobs = discover(options.city, options.out, &skipped);
  for (const auto& s : skipped) std::fputs(s.c_str(), stderr);
  if (jobs.empty())
    throw Error(Failure::Input, ui::no_department_files(printable_name(options.city.string())));
  std::size_t total = 0;
  for (const auto& j : jobs) total += !options.shard || in_shard(j.path, *options.shard);
  const std::optional<Index> before = previous_index(options.out);
  // The compilation, when asked for, is made beside the departments.
  std::unique_ptr<Compiler> compiler;
  if (options.compile) compiler = std::make_unique<Compiler>(res, options, jobs);
  Progress progress(Progress::mode_for(stderr, quiet), total, options.started);
  Index index = run(res, options, jobs, progress, compiler.get());
  progress.end();
  if (before) remove_stale(*before, index, options.out);
  std::optional<Compiler::Result> volume;
  if (compiler) volume = compiler->finish();
  if (volume && volume->written)
    index.compilation = Compilation{fs::relative(volume->file, options.out).generic_string(), volume->title,
                                    volume->departments, volume->pages};
  write_index(index, options.out, res.root / "templates");
  std::string text = summary_text(index, progress.seconds());
  text += ui::index_written(printable_name((options.out / "index.html").string()));
  text += ui::review_written(printable_name((options.out / "review.html").string()));
  if (volume) {
    const std::string file = printable_name(volume->file.string());
    if (volume->written) text += ui::compile_written(file, volume->departments, volume->pages);
    else if (volume->failed) text += ui::compile_not_written(file, volume->failed);
    else text += ui::compile_failed(file, volume->error);
  }
  std::fputs(text.c_str(), stderr);
  // An output that could not be written (a full disk) is not a finding.
  for (const auto& d : index.departments)
    if (d.output_failure) return static_cast<int>(Failure::Output);
  if (volume && volume->output_failure) return static_cast<int>(Failure::Output);
  if (volume && !volume->written && !volume->failed) return static_cast<int>(Failure::Internal);
  return summarise(index).city.failed ? static_cast<int>(Failure::Findings) : 0;
}

int merge_command(const std::vector<std::filesystem::path>& shard_indexes, const std::filesystem::path& out) {
  Index index = merge(shard_indexes, out);
  write_index(index, out, default_root() / "templates");
  std::string text = summary_text(index, std::nullopt);
  text += ui::index_written(printable_name((out / "index.html").string()));
  text += ui::review_written(printable_name((out / "review.html").string()));
  std::fputs(text.c_str(), stderr);
  return summarise(index).city.failed ? static_cast<int>(Failure::Findings) : 0;
}

}  // namespace juesuan::batch

#include "batch/command.hpp"

#include <cstdio>

#include "batch/compile.hpp"
#include "batch/progress.hpp"
#include "core/ui.hpp"

namespace juesuan::batch {

int batch_command(const Resources& res, const Options& options, bool quiet) {
  std::vector<std::string> skipped;
  std::vector<Job> jobs = discover(options.city, options.out, &skipped);
  for (const auto& s : skipped) std::fputs(s.c_str(), stderr);
  if (jobs.empty())
    throw Error(Failure::Input, ui::no_department_files(printable_name(options.city.string())));
  std::size_t total = 0;
  for (const auto& j : jobs) total += !options.shard || in_shard(j.path, *options.shard);
  // The compilation, when asked for, is made beside the departments.
  std::unique_ptr<Compiler> compiler;
  if (options.compile) compiler = std::make_unique<Compiler>(res, options, jobs);
  Progress progress(Progress::mode_for(stderr, quiet), total, options.started);
  Index index = run(res, options, jobs, progress, compiler.get());
  write_index(index, options.out);
  std::optional<Compiler::Result> volume;
  if (compiler) volume = compiler->finish();
  progress.end();
  std::string text = summary_text(index, progress.seconds());
  text += ui::index_written(printable_name((options.out / "index.html").string()));
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
  write_index(index, out);
  std::string text = summary_text(index, std::nullopt);
  text += ui::index_written(printable_name((out / "index.html").string()));
  std::fputs(text.c_str(), stderr);
  return summarise(index).city.failed ? static_cast<int>(Failure::Findings) : 0;
}

}  // namespace juesuan::batch

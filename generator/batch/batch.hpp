// batch: every department of a city in one process. Resources (catalog,
// templates, fonts) are loaded once by the caller and shared read-only by
// the workers; each department is built on its own, so one that fails
// never stops the others.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/index.hpp"
#include "build/build.hpp"

namespace juesuan::batch {

// A deterministic 1/count share of the departments: those whose relative
// path hashes to `index` (0-based) modulo `count`.
struct Shard {
  int index = 0;
  int count = 1;
};

// "I/N" with 0 <= I < N; nullopt when malformed.
std::optional<Shard> parse_shard(std::string_view text);
bool in_shard(const std::string& relative_path, const Shard& shard);

// One department file found under the city folder.
struct Job {
  std::filesystem::path yaml;     // as found: city folder / relative path
  std::string path;               // relative, '/'-separated ("教育局/一中.yaml")
  std::string folder;             // its folder ("教育局"; "" at the top)
  std::filesystem::path out_dir;  // the mirrored output folder
  // Non-empty: not built, for this reason ("file: error: …"): another file
  // has the same output names, the name is index, or (then `yaml` is a
  // folder) the folder cannot be read.
  std::string error;
};

// Every *.yaml / *.yml (any case) under `city`, recursively, in index order
// (listed_before). Hidden entries and the output folder are left out;
// symbolic links are never followed (nothing outside the city is read), and
// each one that looks like a department file or a folder is told in
// `skipped` ("path: warning: …"). A folder that cannot be read is a Job with
// an error. Throws Error(Input) when `city` is not a folder.
std::vector<Job> discover(const std::filesystem::path& city, const std::filesystem::path& out,
                          std::vector<std::string>* skipped = nullptr);

struct Options {
  std::filesystem::path city, out;
  int jobs = 1;
  std::optional<Shard> shard;
  bool force = false;
  // --compile: also the city's compilation (汇编.pdf), of the whole city or,
  // with compile_folder, of that 主管部门's folder; `city_name` names the
  // city on its cover.
  bool compile = false;
  std::string compile_folder;
  std::string city_name;
  // When the command started (before the resources were loaded): the
  // summary's wall time counts from here.
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Told, on the thread that called run(), of each finished department (in
// the order they finish) and, between them, of the passing time.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void finished(const Department&) {}
  virtual void tick() {}
};

// Builds one department: outputs, figures, status; never throws. With
// `keep`, its Document is kept there (built for an unchanged department
// too); null when it failed.
Department build_one(const Resources& res, const Job& job, const OutputOptions& options,
                     std::unique_ptr<Built>* keep = nullptr);

class Compiler;

// Builds every department (of the shard) with options.jobs workers. The
// result is in index order whatever the number of workers.
// With a compiler, each department of its volume is handed to it as built.
Index run(const Resources& res, const Options& options, const std::vector<Job>& jobs, Observer& observer,
          Compiler* compiler = nullptr);

// The key figures of a computed department.
KeyFigures key_figures(const Model& model);

}  // namespace juesuan::batch

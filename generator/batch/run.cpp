// Building the departments of a city with a pool of workers. Each worker
// takes the next department, builds it with the shared const Resources and
// stores the result in that department's slot, so the index comes out in
// path order whatever finishes first.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "batch/batch.hpp"
#include "batch/compile.hpp"
#include "core/file.hpp"
#include "core/messages.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

KeyFigures key_figures(const Model& m) {
  KeyFigures k;
  k.grand_total = m.grand_income;
  k.income_total = m.income_total;
  k.spending_total = m.spending_total;
  k.fiscal_spending = m.total[Fig::FiscalTotal];
  k.three_public = m.three_public.actual_total;
  return k;
}

namespace {

int kind_rank(const std::string& kind) {
  int rank = 0;
  for (const Writer& w : writers()) {
    if (kind == w.name) return rank;
    ++rank;
  }
  return rank;
}

void add_output(Department& d, const Job& job, const fs::path& file) {
  std::string ext = file.extension().string();
  Output o;
  o.kind = ext.empty() ? ext : ext.substr(1);
  for (const Writer& w : writers())
    if (w.extension == ext) o.kind = w.name;
  o.href = (fs::path(job.folder) / file.filename()).generic_string();
  d.outputs.push_back(std::move(o));
}

void sort_outputs(Department& d) {
  std::stable_sort(d.outputs.begin(), d.outputs.end(),
                   [](const Output& a, const Output& b) { return kind_rank(a.kind) < kind_rank(b.kind); });
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

const char* severity_key(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

// "教育局/一中.yaml:12:5": the place relative to the city, as the reviewer
// finds the file in the city folder.
std::string where(const Job& job, const Loc& loc) {
  std::string s = job.path;
  if (loc.line > 0) s += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
  return s;
}

void add_findings(Department& d, const Job& job, const std::vector<Finding>& findings) {
  for (const auto& f : findings) d.findings.push_back(FindingRow{severity_key(f.severity), f.rule, where(job, f.loc), f.message});
}

// The writers' warnings: each its place and message, and as the line printed.
void add_writer_warnings(Department& d, const Job& job, const std::vector<OutputWarning>& warnings) {
  for (const auto& w : warnings) {
    d.warnings.push_back(render(w));
    d.findings.push_back(FindingRow{"warning", "output", where(job, w.loc), w.message});
  }
}

// What the file says of itself.
void take_source(Department& d, const Source& s) {
  d.name = s.department.value;
  d.year = static_cast<int>(s.year.value);
  d.kind = s.kind.value;
  d.supervisor = s.supervisor.value;
}

void fail(Department& d, std::string detail) {
  if (!detail.empty() && detail.back() != '\n') detail += '\n';
  d.status = Status::Failed;
  d.error = first_line(detail);
  d.detail = std::move(detail);
  d.figures.reset();
  d.outputs.clear();
}

void build_unchanged(const Resources& res, const Job& job, const Outcome& o, Department& d,
                     std::unique_ptr<Built>* keep) {
  // The figures come from the model, recomputed from the file as it was
  // read for the stamp (load + compute, no compose, no writers): a few
  // milliseconds, and never out of step with the YAML the way a stored
  // copy could be. The compilation needs the Document too (compose).
  if (keep) {
    *keep = build_document(res, o.input);
    take_source(d, (*keep)->source);
    d.figures = key_figures((*keep)->model);
    add_findings(d, job, check((*keep)->source, (*keep)->model));
  } else {
    auto computed = compute_department(res, o.input);
    take_source(d, computed->source);
    d.figures = key_figures(computed->model);
    // The audit again (no compose): the reviewer's report lists every finding.
    add_findings(d, job, check(computed->source, computed->model));
  }
  d.status = Status::Unchanged;
  for (const auto& p : existing_outputs(job.out_dir, job.yaml.stem().string())) add_output(d, job, p);
}

void build_rejected(const Job& job, const Outcome& o, Department& d) {
  add_findings(d, job, o.findings);
  std::string detail;
  for (const auto& f : o.findings)
    if (f.severity == Severity::Error) detail += render_finding(f) + "\n";
  fail(d, detail);
}

}  // namespace

Department build_one(const Resources& res, const Job& job, const OutputOptions& base, std::unique_ptr<Built>* keep) {
  Department d;
  d.path = job.path;
  d.folder = job.folder;
  d.name = job.yaml.stem().string();
  if (!job.error.empty()) {
    // Not built and nothing removed: the files belong to another one.
    fail(d, job.error);
    const std::string mark = ": " + msg::severity_word(static_cast<int>(Severity::Error)) + "：";
    auto at = job.error.find(mark);
    d.findings.push_back(FindingRow{"error", "input", job.path,
                                    at == std::string::npos ? d.error : first_line(job.error.substr(at + mark.size()))});
    return d;
  }
  OutputOptions options = base;
  options.name = job.path;   // the stamp does not depend on how the city's path is spelled
  // Each page links the city's index, from its own folder.
  options.index_link = "index.html";
  for (const auto& part : fs::path(job.folder))
    if (!part.empty()) options.index_link = "../" + options.index_link;
  std::vector<OutputWarning> warnings;
  try {
    Outcome o = build_outputs(res, job.yaml, job.out_dir, options);
    warnings = std::move(o.warnings);
    if (o.built) take_source(d, o.built->source);
    switch (o.status) {
      case Outcome::Status::Unchanged:
        build_unchanged(res, job, o, d, keep);
        break;
      case Outcome::Status::Rejected:
        build_rejected(job, o, d);
        break;
      case Outcome::Status::Built:
        d.status = Status::Built;
        d.figures = key_figures(o.built->model);
        add_findings(d, job, o.findings);
        for (const auto& p : o.written) add_output(d, job, p);
        if (keep) *keep = std::move(o.built);
        break;
    }
  } catch (const Error& e) {
    fail(d, e.render());
    d.findings.push_back(FindingRow{"error", "input", where(job, e.loc()), e.message()});
    // An output that could not be written (a full disk) says nothing
    // against the department: its earlier documents stay as they were.
    d.output_failure = e.kind() == Failure::Output;
  } catch (const std::exception& e) {
    fail(d, job.yaml.string() + ": " + msg::severity_word(static_cast<int>(Severity::Error)) + "：" + e.what());
    d.findings.push_back(FindingRow{"error", "internal", job.path, e.what()});
  } catch (...) {
    fail(d, job.yaml.string() + ": " + msg::severity_word(static_cast<int>(Severity::Error)) + "：" +
                msg::unknown_failure());
    d.findings.push_back(FindingRow{"error", "internal", job.path, d.error});
  }
  add_writer_warnings(d, job, warnings);
  sort_outputs(d);
  if (keep && d.status == Status::Failed) keep->reset();
  // A failed department keeps no output: neither one half made now nor an
  // older one that would pass for current.
  if (d.status == Status::Failed && !d.output_failure) {
    try {
      remove_outputs(job.out_dir, job.yaml.stem().string());
    } catch (const Error&) {
      // The folder cannot be locked: nothing of this department can be there.
    }
  }
  return d;
}

Index run(const Resources& res, const Options& options, const std::vector<Job>& all, Observer& observer,
          Compiler* compiler) {
  std::vector<const Job*> jobs;
  for (const auto& j : all)
    if (!options.shard || in_shard(j.path, *options.shard)) jobs.push_back(&j);

  Index index;
  if (options.shard) index.shard = std::make_pair(options.shard->index, options.shard->count);
  index.departments.resize(jobs.size());
  OutputOptions output_options;
  output_options.force = options.force;
  // One worker: each department's writers side by side instead.
  output_options.parallel_writers = options.jobs <= 1;

  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::size_t> done;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      // (A compiler comes with no shard: i indexes `all` too.)
      const bool kept = compiler && compiler->wants(i);
      if (kept) compiler->wait_for_turn(i);
      std::unique_ptr<Built> built;
      Department d = build_one(res, *jobs[i], output_options, kept ? &built : nullptr);
      if (kept) compiler->put(i, std::move(built));
      std::lock_guard lock(mutex);
      index.departments[i] = std::move(d);
      done.push_back(i);
      wake.notify_one();
    }
  };
  const int workers = std::clamp<int>(options.jobs, 1, std::max<int>(1, static_cast<int>(jobs.size())));
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) pool.emplace_back(work);

  // Reports happen here, on the caller's thread, one at a time.
  for (std::size_t reported = 0; reported < jobs.size();) {
    std::unique_lock lock(mutex);
    wake.wait_for(lock, std::chrono::milliseconds(200), [&] { return !done.empty(); });
    std::deque<std::size_t> batch;
    batch.swap(done);
    lock.unlock();
    for (std::size_t i : batch) observer.finished(index.departments[i]);
    reported += batch.size();
    observer.tick();
  }
  for (auto& t : pool) t.join();
  return index;
}

}  // namespace juesuan::batch

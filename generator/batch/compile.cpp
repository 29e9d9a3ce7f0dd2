// The city's compilation, built beside the departments (see compile.hpp).
#include "core/messages.hpp"
#include "batch/compile.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>

#include <unistd.h>

#include "core/file.hpp"
#include "core/ui.hpp"
#include "pdf/volume.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

namespace {

// A 主管部门's name from its folder: "03-教育局" → "教育局" (the number only
// orders the folders).
std::string group_name(const std::string& folder) {
  std::string first = folder.substr(0, folder.find('/'));
  std::size_t i = 0;
  while (i < first.size() && std::isdigit(static_cast<unsigned char>(first[i]))) ++i;
  if (i > 0 && i < first.size() && (first[i] == '-' || first[i] == '_' || first[i] == '.' || first[i] == ' '))
    return first.substr(i + 1);
  return first;
}

bool in_folder(const Job& j, const std::string& folder) {
  return folder.empty() || j.folder == folder || j.folder.rfind(folder + "/", 0) == 0;
}

std::string scalar(const yaml::Node& root, const char* key) {
  const yaml::Node* n = root.find(key);
  if (!n || !n->is_scalar())
    throw Error(Failure::Setup, root.loc, msg::volume_missing_text(key));
  return n->text;
}

std::vector<std::string> lines(const yaml::Node& root, const char* key) {
  const yaml::Node* n = root.find(key);
  if (!n || !n->is_seq())
    throw Error(Failure::Setup, root.loc, msg::volume_missing_lines(key));
  std::vector<std::string> out;
  for (const auto& item : n->items) out.push_back(item.text);
  return out;
}

}  // namespace

Compiler::Compiler(const Resources& res, const Options& options, const std::vector<Job>& jobs) : res_(res) {
  if (options.shard) throw Error(Failure::Input, ui::compile_with_shard());
  if (!res.fonts) throw Error(Failure::Internal, "fonts were not loaded for the compilation");
  const yaml::Node v = yaml::parse(read_source_file(res.root / "templates" / "common" / "volume.yaml"));
  const bool folder = !options.compile_folder.empty();
  const std::string stem = scalar(v, "file");
  title_ = scalar(v, folder ? "folder_title" : "title");
  cover_ = lines(v, folder ? "folder_cover" : "cover");
  toc_ = scalar(v, "toc");
  city_ = options.city_name;
  folder_name_ = group_name(options.compile_folder);
  file_ = options.out / fs::path(options.compile_folder) / (stem + ".pdf");

  position_.assign(jobs.size(), -1);
  int n = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const Job& j = jobs[i];
    // Its outputs would be the compilation's file.
    if (j.folder == options.compile_folder && fs::path(j.path).stem() == stem)
      throw Error(Failure::Input, ui::compile_name_taken(printable_name(j.yaml.string()), printable_name(file_.string())));
    if (!in_folder(j, options.compile_folder)) continue;
    position_[i] = n++;
    // Within one 主管部门's volume, its sub-folders are the groups.
    group_.push_back(folder ? group_name(j.folder.substr(std::min(j.folder.size(), options.compile_folder.size() + 1)))
                            : group_name(j.folder));
  }
  if (n == 0) throw Error(Failure::Input, ui::compile_no_departments(printable_name(options.compile_folder)));
  slots_.resize(static_cast<std::size_t>(n));
  ready_.assign(static_cast<std::size_t>(n), 0);
  // Documents the workers may build ahead of the volume: enough to keep
  // them busy, few enough to hold in memory.
  window_ = static_cast<std::size_t>(std::max(1, options.jobs)) * 2 + 2;
  volume_ = std::make_unique<pdf::Volume>(*res.fonts, pdf::PdfOptions{}, toc_);
  thread_ = std::thread([this] { consume(); });
}

Compiler::~Compiler() {
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      // Whatever was not handed over never will be: the consumer stops.
      for (auto& r : ready_) r = 1;
    }
    changed_.notify_all();
    thread_.join();
  }
}

void Compiler::wait_for_turn(std::size_t i) {
  if (!wants(i)) return;
  const auto p = static_cast<std::size_t>(position_[i]);
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return p < consumed_ + window_; });
}

void Compiler::put(std::size_t i, std::unique_ptr<Built> built) {
  if (!wants(i)) return;
  {
    std::lock_guard lock(mutex_);
    const auto p = static_cast<std::size_t>(position_[i]);
    slots_[p] = std::move(built);
    ready_[p] = 1;
  }
  changed_.notify_all();
}

void Compiler::consume() {
  for (std::size_t p = 0; p < slots_.size(); ++p) {
    std::unique_ptr<Built> b;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return ready_[p] != 0; });
      b = std::move(slots_[p]);
    }
    if (!b) {
      ++failed_;
    } else if (failed_ == 0 && error_.empty()) {
      // Once a department failed the volume will not be written: the
      // others are not laid out in vain.
      try {
        ++years_[static_cast<int>(b->source.year.value)];
        volume_->add(b->document, group_[p], b->source.department.value);
      } catch (const std::exception& e) {
        error_ = b->source.file->path + ": " + e.what();
      }
    }
    b.reset();
    {
      std::lock_guard lock(mutex_);
      consumed_ = p + 1;
    }
    changed_.notify_all();
  }
}

std::string Compiler::fill(const std::string& pattern) const {
  // The year most departments are of (the latest of equals).
  int year = 0, most = 0;
  for (const auto& [y, count] : years_)
    if (count >= most) { year = y; most = count; }
  std::string s = pattern;
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{{city}}", city_},
                                   {"{{year}}", year ? std::to_string(year) : std::string()},
                                   {"{{folder}}", folder_name_}})
    for (std::size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), value);
  return s;
}

Compiler::Result Compiler::finish() {
  thread_.join();
  Result r;
  r.file = file_;
  r.failed = failed_;
  std::error_code ec;
  if (failed_ > 0 || !error_.empty()) {
    r.error = error_;
    // An older compilation would pass for this run's.
    if (fs::exists(file_, ec)) {
      try {
        FolderLock lock(file_.parent_path());
        fs::remove(file_, ec);
      } catch (const Error&) {
      }
    }
    volume_.reset();
    return r;
  }
  try {
    pdf::VolumeFront front;
    front.title = fill(title_);
    r.title = front.title;
    for (const auto& line : cover_)
      if (std::string l = fill(line); !l.empty()) front.cover.push_back(l);
    r.departments = static_cast<int>(volume_->entries().size());
    r.pages = volume_->entries().back().first_page + volume_->entries().back().pages - 1;
    // Saved beside its place and renamed into it (under the folder's lock):
    // never a half-written compilation under its name.
    fs::create_directories(file_.parent_path(), ec);
    {
      FolderLock lock(file_.parent_path());
      remove_stale_temporaries(file_);  // of a killed run
    }
    const fs::path temporary = file_.string() + ".tmp-" + std::to_string(::getpid());
    errno = 0;
    try {
      volume_->finish(front, temporary);
    } catch (const std::exception&) {
      // libharu saves with stdio: errno says why (a full disk), else a
      // plain read/write failure.
      const int err = errno ? errno : EIO;
      fs::remove(temporary, ec);
      throw Error(Failure::Output, msg::cannot_write(printable_name(file_.string()), err));
    }
    volume_.reset();
    FolderLock lock(file_.parent_path());
    fs::rename(temporary, file_, ec);
    if (ec) {
      fs::remove(temporary, ec);
      throw Error(Failure::Output, msg::cannot_write(printable_name(file_.string()), ec.value()));
    }
    r.written = true;
  } catch (const Error& e) {
    r.error = e.message();
    r.output_failure = e.kind() == Failure::Output;
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

}  // namespace juesuan::batch

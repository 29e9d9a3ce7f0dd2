// Finding the departments of a city and sharing them among machines.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "batch/batch.hpp"
#include "core/diag.hpp"
#include "core/hash.hpp"
#include "core/messages.hpp"
#include "core/ui.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

std::optional<Shard> parse_shard(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view s) -> std::optional<int> {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
  };
  auto i = number(text.substr(0, slash));
  auto n = number(text.substr(slash + 1));
  if (!i || !n || *n < 1 || *i < 0 || *i >= *n) return std::nullopt;
  return Shard{*i, *n};
}

// Depends on the department's own path only, so adding a department
// elsewhere in the tree moves no other department to another shard.
bool in_shard(const std::string& relative_path, const Shard& shard) {
  return Hasher().add(relative_path).value() % static_cast<std::uint64_t>(shard.count) ==
         static_cast<std::uint64_t>(shard.index);
}

namespace {

// Any case of the extension: X.YAML and x.Yml are department files too.
bool is_department_file(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".yaml" || ext == ".yml";
}

bool hidden(const fs::path& p) {
  std::string n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

// "path: 错误：message" (or 警告), the path printable.
std::string located(Severity severity, const std::string& path, const std::string& message) {
  auto file = std::make_shared<SourceFile>();
  file->path = path;
  return render_diagnostic(severity, Loc{file, 0, 0}, message);
}

struct Walk {
  fs::path city, out_canonical;
  std::vector<Job> jobs;
  std::vector<std::string> skipped;

  Job job_for(const fs::path& p) const {
    Job j;
    j.yaml = p;
    fs::path rel = p.lexically_relative(city);
    j.path = rel.generic_string();
    j.folder = rel.parent_path().generic_string();
    return j;
  }

  // A folder that cannot be listed fails the run: its departments are
  // missing from the city.
  void unreadable(const fs::path& dir, const std::error_code& ec) {
    Job j;
    j.yaml = dir;
    fs::path rel = dir.lexically_relative(city);
    j.path = rel.generic_string() + "/";
    j.folder = rel.generic_string() == "." ? "" : rel.generic_string();
    j.error = located(Severity::Error, dir.string() + "/", msg::unreadable_folder(ec.message()));
    jobs.push_back(std::move(j));
  }

  void walk(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return unreadable(dir, ec);
    for (; it != end; it.increment(ec)) {
      if (ec) return unreadable(dir, ec);
      const fs::path& p = it->path();
      if (hidden(p)) continue;
      std::error_code e;
      fs::file_status own = it->symlink_status(e);
      if (fs::is_symlink(own)) {
        // Never followed: it may lead out of the city. Said when it looks
        // like a department or a folder of them.
        if (is_department_file(p) || fs::is_directory(fs::status(p, e)))
          skipped.push_back(located(Severity::Warning, p.string(), msg::symlink_skipped()));
        continue;
      }
      if (fs::is_directory(own)) {
        // An output folder inside the city folder is not part of the city.
        if (fs::weakly_canonical(p, e) != out_canonical) walk(p);
        continue;
      }
      if (!fs::is_regular_file(own) || !is_department_file(p)) continue;
      jobs.push_back(job_for(p));
    }
  }
};

}  // namespace

std::vector<Job> discover(const fs::path& city, const fs::path& out, std::vector<std::string>* skipped) {
  std::error_code ec;
  if (!fs::is_directory(city, ec))
    throw Error(Failure::Input, ui::no_such_city(printable_name(city.string())));
  Walk w;
  w.city = city;
  w.out_canonical = fs::weakly_canonical(out, ec);
  w.walk(city);
  std::vector<Job> jobs = std::move(w.jobs);
  for (auto& j : jobs) j.out_dir = out / fs::path(j.folder);
  if (skipped) *skipped = std::move(w.skipped);
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return listed_before(a.folder, a.path, b.folder, b.path); });
  // a.yaml and a.YML in one folder would write the same a.html; a top-level
  // index.yaml would write the city's index.html.
  std::map<std::string, std::string> first;
  for (auto& j : jobs) {
    if (!j.error.empty()) continue;
    const fs::path rel(j.path);
    if (j.folder.empty() && rel.stem() == "index") {
      j.error = located(Severity::Error, j.yaml.string(), msg::reserved_name(rel.filename().string()));
      continue;
    }
    std::string key = (rel.parent_path() / rel.stem()).generic_string();
    auto [pos, fresh] = first.emplace(key, j.path);
    if (!fresh) j.error = located(Severity::Error, j.yaml.string(), msg::same_output_name(pos->second));
  }
  return jobs;
}

}  // namespace juesuan::batch

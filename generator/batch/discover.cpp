// Finding the departments of a city and sharing them among machines.
#include <algorithm>
#include <charconv>
#include <map>

#include "batch/batch.hpp"
#include "core/diag.hpp"
#include "core/hash.hpp"

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

bool is_department_file(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool hidden(const fs::path& p) {
  std::string n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

}  // namespace

std::vector<Job> discover(const fs::path& city, const fs::path& out) {
  std::error_code ec;
  if (!fs::is_directory(city, ec))
    throw Error(Failure::Input, "no such folder: " + city.string() + " (batch needs the folder holding a city's department files)");
  const fs::path out_canonical = fs::weakly_canonical(out, ec);
  std::vector<Job> jobs;
  fs::recursive_directory_iterator it(city, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) throw Error(Failure::Input, "cannot read folder " + city.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw Error(Failure::Input, "cannot read folder " + city.string() + ": " + ec.message());
    const fs::path& p = it->path();
    if (hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      // An output folder inside the city folder is not part of the city.
      if (fs::weakly_canonical(p, ec) == out_canonical) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || !is_department_file(p)) continue;
    Job j;
    j.yaml = p;
    fs::path rel = p.lexically_relative(city);
    j.path = rel.generic_string();
    j.folder = rel.parent_path().generic_string();
    j.out_dir = out / rel.parent_path();
    jobs.push_back(std::move(j));
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return listed_before(a.folder, a.path, b.folder, b.path); });
  // a.yaml and a.yml in one folder would write the same a.html.
  std::map<std::string, std::string> first;
  for (auto& j : jobs) {
    std::string key = (fs::path(j.path).parent_path() / fs::path(j.path).stem()).generic_string();
    auto [pos, fresh] = first.emplace(key, j.path);
    if (!fresh) j.conflict = pos->second;
  }
  return jobs;
}

}  // namespace juesuan::batch

#include "build/build.hpp"

#include <exception>
#include <future>

#include "compose/compose.hpp"
#include "core/file.hpp"
#include "core/hash.hpp"
#include "source/load.hpp"

namespace juesuan {

namespace fs = std::filesystem;

namespace {

// The template set of a department: its profile, or its year's format.
const TemplateSet& templates_of(const Resources& res, const Source& s) {
  return *res.templates.find(s.profile.present ? s.profile.value : s.format.value);
}

// The model, with the profile's names of 科目 and the names its templates use.
Model compute_for(const Source& s, const Resources& res) {
  const TemplateSet& t = templates_of(res, s);
  Model m = compute(s, res.catalog, &t.settings.names);
  m.template_names = &t.used_names;
  return m;
}

}  // namespace

std::unique_ptr<Computed> compute_department(const Resources& res, std::shared_ptr<const SourceFile> file) {
  auto c = std::make_unique<Computed>();
  c->source = load_source(std::move(file), res.load_context());
  c->model = compute_for(c->source, res);
  return c;
}

std::unique_ptr<Built> build_document(const Resources& res, std::shared_ptr<const SourceFile> file) {
  auto b = std::make_unique<Built>();
  b->source = load_source(std::move(file), res.load_context());
  b->model = compute_for(b->source, res);
  b->document = compose(b->model, templates_of(res, b->source));
  return b;
}

std::unique_ptr<Built> build_document(const Resources& res, const fs::path& yaml) {
  return build_document(res, read_source_file(yaml));
}

std::string content_hash(const Resources& res, std::string_view name, const SourceFile& file) {
  Hasher h;
  h.add(res.fingerprint);
  if (!res.default_profile.empty()) h.add("profile:").add(res.default_profile);
  return h.add(name).add_content(file.text).hex();
}

std::string stamp_text(const std::string& hash, const std::vector<const Writer*>& outputs) {
  std::string s = hash + " ";
  for (std::size_t i = 0; i < outputs.size(); ++i) s += (i ? "+" : "") + std::string(outputs[i]->name);
  return s + "\n";
}

std::vector<const Writer*> selected_writers(const OutputOptions& options) {
  std::vector<const Writer*> out;
  for (const Writer& w : writers()) {
    bool wanted = options.formats.empty();
    for (const auto& f : options.formats) wanted = wanted || f == w.name;
    if (wanted) out.push_back(&w);
  }
  for (const auto& f : options.formats)
    if (!find_writer(f)) throw Error(Failure::Internal, "no writer named " + f);
  return out;
}

namespace {

// A document's title as a file name: "/", control characters and a
// leading "." become "_"; an empty title keeps the YAML file's name.
std::string title_file_name(std::string_view title, const std::string& fallback) {
  std::string out;
  for (char c : title) out += (c == '/' || c == '\\' || (static_cast<unsigned char>(c) < 0x20) || c == 0x7f) ? '_' : c;
  if (!out.empty() && out[0] == '.') out[0] = '_';
  return out.empty() ? fallback : out;
}

fs::path output_path(const fs::path& out_dir, std::string_view stem, std::string_view extension) {
  return out_dir / (std::string(stem) + std::string(extension));
}

}  // namespace

std::vector<fs::path> existing_outputs(const fs::path& out_dir, std::string_view stem) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const Writer& w : writers())
    if (fs::path p = output_path(out_dir, stem, w.extension); fs::is_regular_file(p, ec)) out.push_back(p);
  return out;
}

void remove_outputs(const fs::path& out_dir, std::string_view stem) {
  std::error_code ec;
  if (!fs::is_directory(out_dir, ec)) return;
  FolderLock lock(out_dir);
  fs::remove(output_path(out_dir, stem, kStampExtension), ec);
  for (const Writer& w : writers()) fs::remove(output_path(out_dir, stem, w.extension), ec);
}

Outcome build_outputs(const Resources& res, const fs::path& yaml, const fs::path& out_dir,
                      const OutputOptions& options) {
  auto hook = [&](std::string_view point) {
    if (options.hook) options.hook(point);
  };
  Outcome o;
  const std::vector<const Writer*> outputs = selected_writers(options);
  o.input = read_source_file(yaml);
  hook("read");
  std::string stem = yaml.stem().string();
  if (options.name_by_title) {
    o.built = build_document(res, o.input);
    stem = title_file_name(o.built->document.title, stem);
  }
  const fs::path stamp_path = output_path(out_dir, stem, kStampExtension);
  const std::string stamp =
      stamp_text(content_hash(res, options.name.empty() ? yaml.filename().string() : options.name, *o.input), outputs);
  if (!options.force) {
    std::error_code ec;
    auto current = read_source_file_if_exists(stamp_path);
    bool complete = current && *current == stamp;
    for (const Writer* w : outputs) complete = complete && fs::is_regular_file(output_path(out_dir, stem, w->extension), ec);
    if (complete) {
      // Temporary files a killed run left beside them go all the same.
      FolderLock lock(out_dir);
      remove_stale_temporaries(stamp_path);
      for (const Writer* w : outputs) remove_stale_temporaries(output_path(out_dir, stem, w->extension));
      o.status = Outcome::Status::Unchanged;
      o.built.reset();
      return o;
    }
  }
  if (!o.built) o.built = build_document(res, o.input);
  o.findings = check(o.built->source, o.built->model);
  if (has_errors(o.findings)) {
    o.status = Outcome::Status::Rejected;
    return o;
  }
  // Render every output before writing any: a writer failure leaves nothing.
  std::map<std::string, std::string> files;
  for (const Writer* w : outputs) files[std::string(w->name)] = stem + std::string(w->extension);
  const WriterInput input{o.built->document, o.built->source, res, files, options.index_link};
  std::vector<OutputFile> set;
  for (const Writer* w : outputs) set.push_back(OutputFile{output_path(out_dir, stem, w->extension), {}});
  std::vector<std::vector<doc::Warning>> warnings(outputs.size());
  std::vector<std::exception_ptr> failures(outputs.size());
  auto run = [&](std::size_t i) {
    try {
      set[i].bytes = outputs[i]->write(input, warnings[i]);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  auto run_where = [&](bool fonts) {
    for (std::size_t i = 0; i < outputs.size(); ++i)
      if (outputs[i]->needs_fonts == fonts) run(i);
  };
  if (options.parallel_writers && outputs.size() > 1) {
    auto others = std::async(std::launch::async, run_where, false);
    run_where(true);
    others.get();
  } else {
    for (std::size_t i = 0; i < outputs.size(); ++i) run(i);
  }
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);
  for (const auto& ws : warnings)
    for (const auto& w : ws) o.warnings.push_back(output_warning(o.built->source.file, w));
  set.push_back(OutputFile{stamp_path, stamp});
  hook("commit");
  FolderLock lock(out_dir);
  for (const auto& f : set) remove_stale_temporaries(f.path);
  write_files_atomic(set, {stamp_path});
  for (std::size_t i = 0; i + 1 < set.size(); ++i) o.written.push_back(set[i].path);
  return o;
}

}  // namespace juesuan

#include "cli/app.hpp"

#include <cstdlib>
#include <future>

#include "compose/compose.hpp"
#include "html/html_writer.hpp"
#include "core/file.hpp"
#include "core/hash.hpp"
#include "source/yaml_tree.hpp"

namespace juesuan {

std::filesystem::path default_root() {
  if (const char* env = std::getenv("JUESUAN_ROOT"); env && *env) return env;
  return JUESUAN_DEFAULT_ROOT;
}

Resources Resources::load(const std::filesystem::path& root, bool with_fonts) {
  Resources r;
  r.root = root;
  // The templates are parsed while the catalog is (both are mostly YAML).
  auto templates = std::async(std::launch::async, Templates::load, root / "templates");
  r.catalog = Catalog::load(root / "data" / "catalog");
  r.templates = templates.get();
  Hasher h;
  h.add(JUESUAN_VERSION);
  h.add_file_stamp("/proc/self/exe");
  std::error_code ec;
  h.add_file_stamp(std::filesystem::read_symlink("/proc/self/exe", ec));
  h.add_tree(root / "templates").add_tree(root / "data" / "catalog").add_tree(root / "fonts");
  // The font files the manifest names (outside the tree, from packages).
  try {
    yaml::Node manifest = yaml::parse(read_source_file(root / "fonts" / "manifest.yaml"));
    if (const yaml::Node* fonts = manifest.find("fonts"))
      for (const auto& f : fonts->items)
        if (const yaml::Node* file = f.find("file")) h.add_file_stamp(file->text);
  } catch (const Error&) {
    // No manifest: the PDF writer reports that itself.
  }
  r.fingerprint = h.hex();
  if (with_fonts) {
    try {
      r.fonts = pdf::FontLibrary::load(root / "fonts" / "manifest.yaml");
    } catch (const pdf::PdfError& e) {
      throw Error(Failure::Setup, e.what());
    }
  }
  return r;
}

std::string output_hash(const Resources& res, const std::filesystem::path& yaml) {
  return Hasher().add(res.fingerprint).add_file(yaml).hex();
}

LoadContext Resources::load_context() const {
  return LoadContext{&catalog, templates.formats(), templates.profiles()};
}

std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml) {
  auto b = std::make_unique<Built>();
  b->source = load_source(read_source_file(yaml), res.load_context());
  const Source& s = b->source;
  const TemplateSet* t = res.templates.find(s.profile.present ? s.profile.value : s.format.value);
  b->model = compute(b->source, res.catalog, &t->settings.names);
  b->model.template_names = &t->used_names;
  b->document = compose(b->model, *t);
  return b;
}

}  // namespace juesuan

namespace juesuan {

namespace fs = std::filesystem;

namespace {

// A writer's warning about a character ("… U+1F600 …") names the place in
// the department's file where that character first appears:
// "file:line:col: warning: …". Other warnings name the file alone.
std::string locate_warning(const SourceFile& file, const std::string& w) {
  Loc loc{std::make_shared<SourceFile>(file), 0, 0};
  auto u = w.find("U+");
  if (u != std::string::npos) {
    unsigned long cp = std::strtoul(w.c_str() + u + 2, nullptr, 16);
    std::string utf8;
    if (cp < 0x80) utf8 = std::string(1, static_cast<char>(cp));
    else if (cp < 0x800) utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000)
      utf8 = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    else
      utf8 = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    // The first occurrence outside a comment ("# …").
    auto in_comment = [&](std::size_t at) {
      std::size_t start = file.text.rfind('\n', at);
      start = start == std::string::npos ? 0 : start + 1;
      std::string_view prefix(file.text.data() + start, at - start);
      auto hash = prefix.find('#');
      return hash != std::string_view::npos && (hash == 0 || prefix[hash - 1] == ' ');
    };
    auto at = file.text.find(utf8);
    while (at != std::string::npos && in_comment(at)) at = file.text.find(utf8, at + 1);
    if (cp != 0 && at != std::string::npos) {
      int line = 1, col = 1;
      for (std::size_t i = 0; i < at; ++i) {
        if (file.text[i] == '\n') { ++line; col = 1; }
        else if ((static_cast<unsigned char>(file.text[i]) & 0xC0) != 0x80) ++col;
      }
      if (line == 1 && file.text.compare(0, 3, "\xEF\xBB\xBF") == 0) --col;  // the BOM is not a character
      loc.line = line;
      loc.col = col;
    }
  }
  std::string r = render_diagnostic(Severity::Warning, loc, w);
  return r.substr(0, r.find('\n'));
}

}  // namespace

Outcome build_outputs(const Resources& res, const fs::path& yaml, const fs::path& out_dir,
                      const OutputOptions& options) {
  Outcome o;
  const std::string name = yaml.stem().string();
  const fs::path html_path = out_dir / (name + ".html");
  const fs::path pdf_path = out_dir / (name + ".pdf");
  const fs::path stamp_path = out_dir / (name + ".juesuan-hash");
  const std::string hash = output_hash(res, yaml) + (options.pdf ? " html+pdf" : " html");
  if (!options.force) {
    std::error_code ec;
    auto stamp = read_source_file_if_exists(stamp_path);
    if (stamp && *stamp == hash + "\n" && fs::exists(html_path, ec) && (!options.pdf || fs::exists(pdf_path, ec))) {
      o.status = Outcome::Status::Unchanged;
      return o;
    }
  }
  o.built = build_document(res, yaml);
  o.findings = check(o.built->model);
  if (has_errors(o.findings)) {
    o.status = Outcome::Status::Rejected;
    return o;
  }
  // Render both before writing either: a writer failure leaves nothing.
  std::string pdf_bytes;
  if (options.pdf) {
    if (!res.fonts) throw Error(Failure::Internal, "fonts were not loaded for a PDF build");
    try {
      std::vector<std::string> warnings;
      pdf_bytes = pdf::write_pdf(o.built->document, *res.fonts, pdf::PdfOptions{}, &warnings);
      for (const auto& w : warnings) o.warnings.push_back(locate_warning(*o.built->source.file, w));
    } catch (const pdf::PdfError& e) {
      throw Error(Failure::Internal, yaml.string() + ": the PDF could not be written: " + e.what());
    }
  }
  html::HtmlOptions html_options;
  if (options.pdf) html_options.pdf_link = name + ".pdf";
  std::string html = html::write_html(o.built->document, html_options);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw Error(Failure::Output, "cannot create " + out_dir.string() + ": " + ec.message());
  // The stamp goes first so that a failure half-way leaves it removed, and
  // last in its final form: an interrupted build is never taken as current.
  fs::remove(stamp_path, ec);
  write_file_atomic(html_path, html);
  o.written.push_back(html_path);
  if (options.pdf) {
    write_file_atomic(pdf_path, pdf_bytes);
    o.written.push_back(pdf_path);
  }
  write_file_atomic(stamp_path, hash + "\n");
  return o;
}

}  // namespace juesuan

#include "cli/app.hpp"

#include <cstdlib>

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
  r.catalog = Catalog::load(root / "data" / "catalog");
  r.templates = Templates::load(root / "templates");
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

LoadContext Resources::load_context() const { return LoadContext{&catalog, templates.formats()}; }

std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml) {
  auto b = std::make_unique<Built>();
  b->source = load_source(read_source_file(yaml), res.load_context());
  const TemplateSet* t = res.templates.find(b->source.format.value);
  b->model = compute(b->source, res.catalog);
  b->document = compose(b->model, *t);
  return b;
}

}  // namespace juesuan

namespace juesuan {

namespace fs = std::filesystem;

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
      pdf_bytes = pdf::write_pdf(o.built->document, *res.fonts, pdf::PdfOptions{}, &o.warnings);
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

#include "build/resources.hpp"

#include <cstdlib>
#include <future>

#include "build/font_manifest.hpp"
#include "core/file.hpp"
#include "core/hash.hpp"

namespace juesuan {

std::filesystem::path default_root() {
  if (const char* env = std::getenv("JUESUAN_ROOT"); env && *env) return env;
  return JUESUAN_DEFAULT_ROOT;
}

Resources Resources::load(const std::filesystem::path& root, bool with_fonts, bool lazy_templates) {
  Resources r;
  r.root = root;
  // The templates are parsed while the catalog is (both are mostly YAML).
  auto templates = std::async(std::launch::async, Templates::load, root / "templates", lazy_templates);
  r.catalog = Catalog::load(root / "data" / "catalog");
  r.templates = templates.get();
  Hasher h;
  h.add(JUESUAN_VERSION);
  h.add_file_stamp("/proc/self/exe");
  std::error_code ec;
  h.add_file_stamp(std::filesystem::read_symlink("/proc/self/exe", ec));
  h.add_tree(root / "templates").add_tree(root / "data" / "catalog").add_tree(root / "fonts");
  // The font manifest, read once: the font files it names (outside the
  // tree, from packages) are part of the stamp, and its faces are opened
  // for commands that write PDFs. A broken manifest stops only those.
  std::optional<pdf::FontManifest> manifest;
  try {
    manifest = read_font_manifest(root / "fonts" / "manifest.yaml");
  } catch (const Error&) {
    if (with_fonts) throw;
  }
  if (manifest)
    for (const auto& f : manifest->faces) h.add_file_stamp(f.file);
  r.fingerprint = h.hex();
  if (with_fonts) r.fonts = pdf::FontLibrary::load(*manifest);
  return r;
}

LoadContext Resources::load_context() const {
  return LoadContext{&catalog, templates.formats(), templates.profiles(), default_profile};
}

}  // namespace juesuan
